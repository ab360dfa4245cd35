WITH "t14" AS (
  SELECT
    "t13"."customer_id",
    "t13"."revenue",
    "t13"."profit",
    "t13"."units",
    "t13"."orders",
    "t13"."paid",
    "t13"."payments",
    "t13"."value",
    "t13"."rank",
    IIF(
      (
        "t13"."value" > 0
      )
      AND (
        CAST(SUM("t13"."value") FILTER(WHERE
          "t13"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL) > 0
      ),
      "t13"."value" / CAST(SUM("t13"."value") FILTER(WHERE
        "t13"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL),
      0.0
    ) AS "share",
    IIF(
      CAST(SUM("t13"."value") FILTER(WHERE
        "t13"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL) > 0,
      CAST(SUM("t13"."value") FILTER(WHERE
        "t13"."value" > 0) OVER (
        ORDER BY "t13"."rank" ASC NULLS LAST
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS REAL) / CAST(SUM("t13"."value") FILTER(WHERE
        "t13"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL),
      0.0
    ) AS "cumulative_share"
  FROM (
    SELECT
      "t12"."customer_id",
      "t12"."revenue",
      "t12"."profit",
      "t12"."units",
      "t12"."orders",
      "t12"."paid",
      "t12"."payments",
      "t12"."value",
      (
        ROW_NUMBER() OVER (
          ORDER BY "t12"."value" DESC, "t12"."customer_id" ASC NULLS LAST
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1
      ) + 1 AS "rank"
    FROM (
      SELECT
        "t11"."customer_id",
        "t11"."revenue",
        "t11"."profit",
        "t11"."units",
        "t11"."orders",
        "t11"."paid",
        "t11"."payments",
        "t11"."profit" AS "value"
      FROM (
        SELECT
          "t6"."customer_id",
          COALESCE("t10"."revenue", 0) AS "revenue",
          COALESCE("t10"."profit", 0) AS "profit",
          COALESCE("t10"."units", 0) AS "units",
          COALESCE("t10"."orders", 0) AS "orders",
          COALESCE("t8"."paid", 0) AS "paid",
          COALESCE("t8"."payments", 0) AS "payments"
        FROM (
          SELECT DISTINCT
            "t0"."id" AS "customer_id"
          FROM "customers" AS "t0"
          WHERE
            "t0"."status" <> 'prospect'
        ) AS "t6"
        LEFT OUTER JOIN (
          SELECT
            "t4"."customer_id",
            SUM("t4"."amount_cents") AS "revenue",
            SUM("t4"."amount_cents" - COALESCE("t4"."cost_cents", "t4"."amount_cents")) AS "profit",
            SUM(COALESCE("t4"."units", 0)) AS "units",
            COUNT(DISTINCT "t4"."document_id") AS "orders"
          FROM (
            SELECT
              *
            FROM "transactions" AS "t1"
            WHERE
              "t1"."date" > '2023-06-30' AND "t1"."date" <= '2024-06-30'
          ) AS "t4"
          GROUP BY
            1
        ) AS "t10"
          ON "t6"."customer_id" = "t10"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t5"."customer_id",
            SUM("t5"."amount_cents") AS "paid",
            COUNT(*) AS "payments"
          FROM (
            SELECT
              *
            FROM "payments" AS "t2"
            WHERE
              "t2"."date" > '2023-06-30' AND "t2"."date" <= '2024-06-30'
          ) AS "t5"
          GROUP BY
            1
        ) AS "t8"
          ON "t6"."customer_id" = "t8"."customer_id"
      ) AS "t11"
    ) AS "t12"
  ) AS "t13"
)
SELECT
  "t17"."customer_id",
  "t17"."class",
  "t17"."value",
  "t17"."rank",
  "t17"."share",
  "t17"."cumulative_share",
  IIF(
    CAST(SUM("t17"."value") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL) = 0,
    NULL,
    CAST(SUM("t17"."value") OVER (
      PARTITION BY "t17"."class"
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS REAL) / CAST(SUM("t17"."value") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL)
  ) AS "band_profit_share",
  CAST(200000000000 AS REAL) / 1000000000000 AS "keep_threshold",
  CAST(200000000000 AS REAL) / 1000000000000 AS "review_threshold"
FROM (
  SELECT
    "t15"."customer_id",
    "t15"."revenue",
    "t15"."profit",
    "t15"."units",
    "t15"."orders",
    "t15"."paid",
    "t15"."payments",
    "t15"."value",
    "t15"."rank",
    "t15"."share",
    "t15"."cumulative_share",
    CASE
      WHEN "t15"."rank" <= CAST(CEIL(
        (
          (
            SELECT
              COUNT(*) AS "CountStar()"
            FROM "t14" AS "t15"
          ) * (
            CAST(200000000000 AS REAL) / 1000000000000
          )
        ) - (
          CAST(1000 AS REAL) / 1000000000000
        )
      ) AS INTEGER)
      THEN 'keep'
      WHEN "t15"."rank" > (
        (
          SELECT
            COUNT(*) AS "CountStar()"
          FROM "t14" AS "t15"
        ) - CAST(CEIL(
          (
            (
              SELECT
                COUNT(*) AS "CountStar()"
              FROM "t14" AS "t15"
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
  FROM "t14" AS "t15"
) AS "t17"
