WITH "t10" AS (
  SELECT
    "t9"."customer_id",
    "t9"."profit",
    "t9"."value",
    "t9"."rank",
    IIF(
      (
        "t9"."value" > 0
      )
      AND (
        CAST(SUM("t9"."value") FILTER(WHERE
          "t9"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL) > 0
      ),
      "t9"."value" / CAST(SUM("t9"."value") FILTER(WHERE
        "t9"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL),
      0.0
    ) AS "share",
    IIF(
      CAST(SUM("t9"."value") FILTER(WHERE
        "t9"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL) > 0,
      CAST(SUM("t9"."value") FILTER(WHERE
        "t9"."value" > 0) OVER (
        ORDER BY "t9"."rank" ASC NULLS LAST
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS REAL) / CAST(SUM("t9"."value") FILTER(WHERE
        "t9"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL),
      0.0
    ) AS "cumulative_share"
  FROM (
    SELECT
      "t8"."customer_id",
      "t8"."profit",
      "t8"."value",
      (
        ROW_NUMBER() OVER (
          ORDER BY "t8"."value" DESC, "t8"."customer_id" ASC NULLS LAST
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1
      ) + 1 AS "rank"
    FROM (
      SELECT
        "t7"."customer_id",
        "t7"."profit",
        "t7"."profit" AS "value"
      FROM (
        SELECT
          "t4"."customer_id",
          COALESCE("t6"."profit", 0) AS "profit"
        FROM (
          SELECT DISTINCT
            "t0"."id" AS "customer_id"
          FROM "customers" AS "t0"
          WHERE
            "t0"."status" <> 'prospect'
        ) AS "t4"
        LEFT OUTER JOIN (
          SELECT
            "t3"."customer_id",
            SUM("t3"."amount_cents" - COALESCE("t3"."cost_cents", "t3"."amount_cents")) AS "profit"
          FROM (
            SELECT
              *
            FROM "transactions" AS "t1"
            WHERE
              "t1"."date" > '2023-06-30' AND "t1"."date" <= '2024-06-30'
          ) AS "t3"
          GROUP BY
            1
        ) AS "t6"
          ON "t4"."customer_id" = "t6"."customer_id"
      ) AS "t7"
    ) AS "t8"
  ) AS "t9"
)
SELECT
  "t13"."customer_id",
  "t13"."class",
  "t13"."value",
  "t13"."rank",
  "t13"."share",
  "t13"."cumulative_share",
  IIF(
    CAST(SUM("t13"."value") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL) = 0,
    NULL,
    CAST(SUM("t13"."value") OVER (
      PARTITION BY "t13"."class"
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS REAL) / CAST(SUM("t13"."value") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL)
  ) AS "band_profit_share",
  CAST(200000000000 AS REAL) / 1000000000000 AS "keep_threshold",
  CAST(200000000000 AS REAL) / 1000000000000 AS "review_threshold"
FROM (
  SELECT
    "t11"."customer_id",
    "t11"."profit",
    "t11"."value",
    "t11"."rank",
    "t11"."share",
    "t11"."cumulative_share",
    CASE
      WHEN "t11"."rank" <= CAST(CEIL(
        (
          (
            SELECT
              COUNT(*) AS "CountStar()"
            FROM "t10" AS "t11"
          ) * (
            CAST(200000000000 AS REAL) / 1000000000000
          )
        ) - (
          CAST(1000 AS REAL) / 1000000000000
        )
      ) AS INTEGER)
      THEN 'keep'
      WHEN "t11"."rank" > (
        (
          SELECT
            COUNT(*) AS "CountStar()"
          FROM "t10" AS "t11"
        ) - CAST(CEIL(
          (
            (
              SELECT
                COUNT(*) AS "CountStar()"
              FROM "t10" AS "t11"
            ) * (
              CAST(200000000000 AS REAL) / 1000000000000
            )
          ) - (
            CAST(1000 AS REAL) / 1000000000000
          )
        ) AS INTEGER)
      )
      THEN 'review'
      ELSE 'retain'
    END AS "class"
  FROM "t10" AS "t11"
) AS "t13"
