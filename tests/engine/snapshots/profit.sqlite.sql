WITH "t19" AS (
  SELECT
    "t18"."customer_id",
    "t18"."revenue",
    "t18"."profit",
    "t18"."units",
    "t18"."orders",
    "t18"."paid",
    "t18"."payments",
    "t18"."value",
    "t18"."rank",
    IIF(
      (
        "t18"."value" > 0
      )
      AND (
        CAST(SUM("t18"."value") FILTER(WHERE
          "t18"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL) > 0
      ),
      "t18"."value" / CAST(SUM("t18"."value") FILTER(WHERE
        "t18"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL),
      0.0
    ) AS "share",
    IIF(
      CAST(SUM("t18"."value") FILTER(WHERE
        "t18"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL) > 0,
      CAST(SUM("t18"."value") FILTER(WHERE
        "t18"."value" > 0) OVER (
        ORDER BY "t18"."rank" ASC NULLS LAST
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS REAL) / CAST(SUM("t18"."value") FILTER(WHERE
        "t18"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL),
      0.0
    ) AS "cumulative_share"
  FROM (
    SELECT
      "t17"."customer_id",
      "t17"."revenue",
      "t17"."profit",
      "t17"."units",
      "t17"."orders",
      "t17"."paid",
      "t17"."payments",
      "t17"."value",
      (
        ROW_NUMBER() OVER (
          ORDER BY "t17"."value" DESC, "t17"."customer_id" ASC NULLS LAST
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1
      ) + 1 AS "rank"
    FROM (
      SELECT
        "t16"."customer_id",
        "t16"."revenue",
        "t16"."profit",
        "t16"."units",
        "t16"."orders",
        "t16"."paid",
        "t16"."payments",
        "t16"."profit" AS "value"
      FROM (
        SELECT
          "t12"."customer_id",
          COALESCE("t15"."revenue", 0) AS "revenue",
          COALESCE("t15"."profit", 0) AS "profit",
          COALESCE("t15"."units", 0) AS "units",
          COALESCE("t15"."orders", 0) AS "orders",
          COALESCE("t13"."paid", 0) AS "paid",
          COALESCE("t13"."payments", 0) AS "payments"
        FROM (
          SELECT DISTINCT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t1"."customer_id"
                FROM "transactions" AS "t1"
              ) AS "t3"
              UNION ALL
              SELECT
                *
              FROM (
                SELECT
                  "t2"."customer_id"
                FROM "payments" AS "t2"
              ) AS "t4"
            ) AS "t7"
            UNION ALL
            SELECT
              *
            FROM (
              SELECT
                "t0"."id" AS "customer_id"
              FROM "customers" AS "t0"
              WHERE
                "t0"."status" <> 'prospect'
            ) AS "t5"
          ) AS "t9"
        ) AS "t12"
        LEFT OUTER JOIN (
          SELECT
            "t6"."customer_id",
            SUM("t6"."amount_cents") AS "revenue",
            SUM("t6"."amount_cents" - COALESCE("t6"."cost_cents", "t6"."amount_cents")) AS "profit",
            SUM(COALESCE("t6"."units", 0)) AS "units",
            COUNT(DISTINCT "t6"."document_id") AS "orders"
          FROM (
            SELECT
              *
            FROM "transactions" AS "t1"
            WHERE
              "t1"."date" > '2023-06-30' AND "t1"."date" <= '2024-06-30'
          ) AS "t6"
          GROUP BY
            1
        ) AS "t15"
          ON "t12"."customer_id" = "t15"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t8"."customer_id",
            SUM("t8"."amount_cents") AS "paid",
            COUNT(*) AS "payments"
          FROM (
            SELECT
              *
            FROM "payments" AS "t2"
            WHERE
              "t2"."date" > '2023-06-30' AND "t2"."date" <= '2024-06-30'
          ) AS "t8"
          GROUP BY
            1
        ) AS "t13"
          ON "t12"."customer_id" = "t13"."customer_id"
      ) AS "t16"
    ) AS "t17"
  ) AS "t18"
)
SELECT
  "t22"."customer_id",
  "t22"."class",
  "t22"."value",
  "t22"."rank",
  "t22"."share",
  "t22"."cumulative_share",
  IIF(
    CAST(SUM("t22"."value") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL) = 0,
    NULL,
    CAST(SUM("t22"."value") OVER (
      PARTITION BY "t22"."class"
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS REAL) / CAST(SUM("t22"."value") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL)
  ) AS "band_profit_share",
  CAST(200000000000 AS REAL) / 1000000000000 AS "keep_threshold",
  CAST(200000000000 AS REAL) / 1000000000000 AS "review_threshold"
FROM (
  SELECT
    "t20"."customer_id",
    "t20"."revenue",
    "t20"."profit",
    "t20"."units",
    "t20"."orders",
    "t20"."paid",
    "t20"."payments",
    "t20"."value",
    "t20"."rank",
    "t20"."share",
    "t20"."cumulative_share",
    CASE
      WHEN "t20"."rank" <= CAST(CEIL(
        (
          (
            SELECT
              COUNT(*) AS "CountStar()"
            FROM "t19" AS "t20"
          ) * (
            CAST(200000000000 AS REAL) / 1000000000000
          )
        ) - (
          CAST(1000 AS REAL) / 1000000000000
        )
      ) AS INTEGER)
      THEN 'keep'
      WHEN "t20"."rank" > (
        (
          SELECT
            COUNT(*) AS "CountStar()"
          FROM "t19" AS "t20"
        ) - CAST(CEIL(
          (
            (
              SELECT
                COUNT(*) AS "CountStar()"
              FROM "t19" AS "t20"
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
  FROM "t19" AS "t20"
) AS "t22"
