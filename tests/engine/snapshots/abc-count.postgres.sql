WITH "t10" AS (
  SELECT
    "t9"."customer_id",
    "t9"."revenue",
    "t9"."value",
    "t9"."rank",
    CASE
      WHEN (
        "t9"."value" > 0
      )
      AND (
        CAST(SUM("t9"."value") FILTER(WHERE
          "t9"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE PRECISION) > 0
      )
      THEN "t9"."value" / CAST(SUM("t9"."value") FILTER(WHERE
        "t9"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE PRECISION)
      ELSE 0.0
    END AS "share",
    CASE
      WHEN CAST(SUM("t9"."value") FILTER(WHERE
        "t9"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE PRECISION) > 0
      THEN CAST(SUM("t9"."value") FILTER(WHERE
        "t9"."value" > 0) OVER (ORDER BY "t9"."rank" ASC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE PRECISION) / CAST(SUM("t9"."value") FILTER(WHERE
        "t9"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE PRECISION)
      ELSE 0.0
    END AS "cumulative_share"
  FROM (
    SELECT
      "t8"."customer_id",
      "t8"."revenue",
      "t8"."value",
      (
        ROW_NUMBER() OVER (
          ORDER BY "t8"."value" DESC NULLS LAST, "t8"."customer_id" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1
      ) + 1 AS "rank"
    FROM (
      SELECT
        "t7"."customer_id",
        "t7"."revenue",
        "t7"."revenue" AS "value"
      FROM (
        SELECT
          "t4"."customer_id",
          COALESCE("t6"."revenue", 0) AS "revenue"
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
            SUM("t3"."amount_cents") AS "revenue"
          FROM (
            SELECT
              *
            FROM "transactions" AS "t1"
            WHERE
              "t1"."date" > MAKE_DATE(2023, 6, 30) AND "t1"."date" <= MAKE_DATE(2024, 6, 30)
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
  "t11"."customer_id",
  CASE
    WHEN NOT (
      "t11"."value" > 0
    )
    THEN 'C'
    WHEN "t11"."rank" <= CAST(CEIL(
      (
        (
          SELECT
            COUNT(*) AS "CountStar()"
          FROM "t10" AS "t11"
        ) * (
          CAST(200000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      ) - (
        CAST(1000 AS DOUBLE PRECISION) / 1000000000000
      )
    ) AS BIGINT)
    THEN 'A'
    WHEN "t11"."rank" <= CAST(CEIL(
      (
        (
          SELECT
            COUNT(*) AS "CountStar()"
          FROM "t10" AS "t11"
        ) * (
          CAST(500000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      ) - (
        CAST(1000 AS DOUBLE PRECISION) / 1000000000000
      )
    ) AS BIGINT)
    THEN 'B'
    ELSE 'C'
  END AS "class",
  "t11"."value",
  "t11"."rank",
  "t11"."share",
  "t11"."cumulative_share",
  CAST(200000000000 AS DOUBLE PRECISION) / 1000000000000 AS "a_threshold",
  CAST(300000000000 AS DOUBLE PRECISION) / 1000000000000 AS "b_threshold"
FROM "t10" AS "t11"
