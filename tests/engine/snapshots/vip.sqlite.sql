WITH "t5" AS (
  SELECT
    "t4"."customer_id",
    "t4"."month",
    SUM("t4"."amount_cents") AS "amount"
  FROM (
    SELECT
      "t1"."customer_id",
      "t1"."date",
      "t1"."amount_cents",
      (
        (
          CAST(CAST(STRFTIME('%Y', "t1"."date") AS INTEGER) AS INTEGER) * 12
        ) + CAST(CAST(STRFTIME('%m', "t1"."date") AS INTEGER) AS INTEGER)
      ) - 1 AS "month"
    FROM "payments" AS "t1"
    WHERE
      "t1"."date" >= '2023-07-01' AND "t1"."date" <= '2024-06-30'
  ) AS "t4"
  GROUP BY
    1,
    2
)
SELECT
  "t15"."customer_id",
  CASE
    WHEN "t15"."vip" = 1
    THEN 'vip'
    WHEN (
      NOT (
        "t15"."vip" = 1
      )
      AND (
        "t15"."value" > 0
      )
      AND (
        (
          (
            ROW_NUMBER() OVER (
              PARTITION BY NOT (
                "t15"."vip" = 1
              ) AND (
                "t15"."value" > 0
              )
              ORDER BY "t15"."value" DESC, "t15"."customer_id" ASC NULLS LAST
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) - 1
          ) + 1
        ) <= CAST(CEIL(
          (
            COUNT("t15"."value") FILTER(WHERE
              NOT (
                "t15"."vip" = 1
              ) AND (
                "t15"."value" > 0
              )) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) * (
              CAST(200000000000 AS REAL) / 1000000000000
            )
          ) - (
            CAST(1000 AS REAL) / 1000000000000
          )
        ) AS INTEGER)
      )
    )
    OR (
      (
        "t15"."was_vip" = 1
      ) AND NOT (
        "t15"."vip" = 1
      )
    )
    THEN 'good'
    ELSE 'regular'
  END AS "class",
  "t15"."value",
  (
    ROW_NUMBER() OVER (
      ORDER BY "t15"."value" DESC, "t15"."customer_id" ASC NULLS LAST
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1
  ) + 1 AS "rank",
  "t15"."vip_months",
  SUBSTRING(
    '' || IIF("t15"."m24288" = 1, ',2024-01', '') || IIF("t15"."m24289" = 1, ',2024-02', '') || IIF("t15"."m24290" = 1, ',2024-03', '') || IIF("t15"."m24291" = 1, ',2024-04', '') || IIF("t15"."m24292" = 1, ',2024-05', '') || IIF("t15"."m24293" = 1, ',2024-06', ''),
    IIF(
      (
        1 + 1
      ) >= 1,
      1 + 1,
      1 + 1 + LENGTH(
        '' || IIF("t15"."m24288" = 1, ',2024-01', '') || IIF("t15"."m24289" = 1, ',2024-02', '') || IIF("t15"."m24290" = 1, ',2024-03', '') || IIF("t15"."m24291" = 1, ',2024-04', '') || IIF("t15"."m24292" = 1, ',2024-05', '') || IIF("t15"."m24293" = 1, ',2024-06', '')
      )
    )
  ) AS "months_vip",
  (
    "t15"."was_vip" = 1
  ) AND NOT (
    "t15"."vip" = 1
  ) AS "fell_out",
  CAST(200000000000 AS REAL) / 1000000000000 AS "vip_threshold",
  CAST(200000000000 AS REAL) / 1000000000000 AS "good_threshold"
FROM (
  SELECT
    "t3"."customer_id",
    COALESCE("t10"."value", 0) AS "value",
    COALESCE("t14"."vip_months", 0) AS "vip_months",
    COALESCE("t14"."m24288", 0) AS "m24288",
    COALESCE("t14"."m24289", 0) AS "m24289",
    COALESCE("t14"."m24290", 0) AS "m24290",
    COALESCE("t14"."m24291", 0) AS "m24291",
    COALESCE("t14"."m24292", 0) AS "m24292",
    COALESCE("t14"."m24293", 0) AS "m24293",
    COALESCE("t14"."vip", 0) AS "vip",
    COALESCE("t14"."was_vip", 0) AS "was_vip"
  FROM (
    SELECT DISTINCT
      "t0"."id" AS "customer_id"
    FROM "customers" AS "t0"
    WHERE
      "t0"."status" <> 'prospect'
  ) AS "t3"
  LEFT OUTER JOIN (
    SELECT
      "t7"."customer_id",
      SUM("t7"."amount") AS "value"
    FROM (
      SELECT
        *
      FROM "t5" AS "t6"
      WHERE
        "t6"."month" > 24287
    ) AS "t7"
    GROUP BY
      1
  ) AS "t10"
    ON "t3"."customer_id" = "t10"."customer_id"
  LEFT OUTER JOIN (
    SELECT
      "t12"."customer_id",
      COUNT(*) FILTER(WHERE
        "t12"."month" > 24287) AS "vip_months",
      MAX(IIF("t12"."month" = 24288, 1, 0)) AS "m24288",
      MAX(IIF("t12"."month" = 24289, 1, 0)) AS "m24289",
      MAX(IIF("t12"."month" = 24290, 1, 0)) AS "m24290",
      MAX(IIF("t12"."month" = 24291, 1, 0)) AS "m24291",
      MAX(IIF("t12"."month" = 24292, 1, 0)) AS "m24292",
      MAX(IIF("t12"."month" = 24293, 1, 0)) AS "m24293",
      MAX(IIF("t12"."month" > 24287, 1, 0)) AS "vip",
      MAX(IIF((
        "t12"."month" >= 24287
      ) AND (
        "t12"."month" < 24293
      ), 1, 0)) AS "was_vip"
    FROM (
      SELECT
        "t11"."customer_id",
        "t11"."month"
      FROM (
        SELECT
          "t8"."customer_id",
          "t8"."month",
          "t8"."amount",
          (
            ROW_NUMBER() OVER (
              PARTITION BY "t8"."month"
              ORDER BY "t8"."amount" DESC, "t8"."customer_id" ASC NULLS LAST
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) - 1
          ) + 1 AS "_rank",
          COUNT("t8"."amount") OVER (
            PARTITION BY "t8"."month"
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "_count"
        FROM (
          SELECT
            *
          FROM "t5" AS "t6"
          WHERE
            "t6"."amount" > 0
        ) AS "t8"
      ) AS "t11"
      WHERE
        "t11"."_rank" <= CAST(CEIL(
          (
            "t11"."_count" * (
              CAST(200000000000 AS REAL) / 1000000000000
            )
          ) - (
            CAST(1000 AS REAL) / 1000000000000
          )
        ) AS INTEGER)
    ) AS "t12"
    GROUP BY
      1
  ) AS "t14"
    ON "t3"."customer_id" = "t14"."customer_id"
) AS "t15"
