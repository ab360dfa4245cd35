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
    CASE
      WHEN (
        "t18"."value" > 0
      )
      AND (
        CAST(SUM("t18"."value") FILTER(WHERE
          "t18"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE) > 0
      )
      THEN "t18"."value" / CAST(SUM("t18"."value") FILTER(WHERE
        "t18"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE)
      ELSE 0.0
    END AS "share",
    CASE
      WHEN CAST(SUM("t18"."value") FILTER(WHERE
        "t18"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE) > 0
      THEN CAST(SUM("t18"."value") FILTER(WHERE
        "t18"."value" > 0) OVER (ORDER BY "t18"."rank" ASC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE) / CAST(SUM("t18"."value") FILTER(WHERE
        "t18"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE)
      ELSE 0.0
    END AS "cumulative_share"
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
          ORDER BY "t17"."value" DESC, "t17"."customer_id" ASC
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
        "t16"."revenue" AS "value"
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
              "t1"."date" > MAKE_DATE(2023, 6, 30) AND "t1"."date" <= MAKE_DATE(2024, 6, 30)
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
              "t2"."date" > MAKE_DATE(2023, 6, 30) AND "t2"."date" <= MAKE_DATE(2024, 6, 30)
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
  "t20"."customer_id",
  CASE
    WHEN NOT (
      "t20"."value" > 0
    )
    THEN 'C'
    WHEN "t20"."rank" <= CAST(CEIL(
      (
        (
          SELECT
            COUNT(*) AS "CountStar()"
          FROM "t19" AS "t20"
        ) * (
          CAST(200000000000 AS DOUBLE) / 1000000000000
        )
      ) - (
        CAST(1000 AS DOUBLE) / 1000000000000
      )
    ) AS BIGINT)
    THEN 'A'
    WHEN "t20"."rank" <= CAST(CEIL(
      (
        (
          SELECT
            COUNT(*) AS "CountStar()"
          FROM "t19" AS "t20"
        ) * (
          CAST(500000000000 AS DOUBLE) / 1000000000000
        )
      ) - (
        CAST(1000 AS DOUBLE) / 1000000000000
      )
    ) AS BIGINT)
    THEN 'B'
    ELSE 'C'
  END AS "class",
  "t20"."value",
  "t20"."rank",
  "t20"."share",
  "t20"."cumulative_share",
  CAST(200000000000 AS DOUBLE) / 1000000000000 AS "a_threshold",
  CAST(300000000000 AS DOUBLE) / 1000000000000 AS "b_threshold"
FROM "t19" AS "t20"
