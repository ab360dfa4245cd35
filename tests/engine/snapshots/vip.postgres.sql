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
          CAST(EXTRACT(year FROM "t1"."date") AS BIGINT) * 12
        ) + CAST(EXTRACT(month FROM "t1"."date") AS BIGINT)
      ) - 1 AS "month"
    FROM "payments" AS "t1"
    WHERE
      "t1"."date" >= MAKE_DATE(2023, 7, 1) AND "t1"."date" <= MAKE_DATE(2024, 6, 30)
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
              ORDER BY "t15"."value" DESC NULLS LAST, "t15"."customer_id" ASC
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
              CAST(200000000000 AS DOUBLE PRECISION) / 1000000000000
            )
          ) - (
            CAST(1000 AS DOUBLE PRECISION) / 1000000000000
          )
        ) AS BIGINT)
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
      ORDER BY "t15"."value" DESC NULLS LAST, "t15"."customer_id" ASC
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1
  ) + 1 AS "rank",
  "t15"."vip_months",
  SUBSTRING('' || CASE WHEN "t15"."m24288" = 1 THEN ',2024-01' ELSE '' END || CASE WHEN "t15"."m24289" = 1 THEN ',2024-02' ELSE '' END || CASE WHEN "t15"."m24290" = 1 THEN ',2024-03' ELSE '' END || CASE WHEN "t15"."m24291" = 1 THEN ',2024-04' ELSE '' END || CASE WHEN "t15"."m24292" = 1 THEN ',2024-05' ELSE '' END || CASE WHEN "t15"."m24293" = 1 THEN ',2024-06' ELSE '' END FROM CASE
    WHEN (
      1 + 1
    ) >= 1
    THEN 1 + 1
    ELSE 1 + 1 + LENGTH(
      '' || CASE WHEN "t15"."m24288" = 1 THEN ',2024-01' ELSE '' END || CASE WHEN "t15"."m24289" = 1 THEN ',2024-02' ELSE '' END || CASE WHEN "t15"."m24290" = 1 THEN ',2024-03' ELSE '' END || CASE WHEN "t15"."m24291" = 1 THEN ',2024-04' ELSE '' END || CASE WHEN "t15"."m24292" = 1 THEN ',2024-05' ELSE '' END || CASE WHEN "t15"."m24293" = 1 THEN ',2024-06' ELSE '' END
    )
  END) AS "months_vip",
  (
    "t15"."was_vip" = 1
  ) AND NOT (
    "t15"."vip" = 1
  ) AS "fell_out",
  CAST(200000000000 AS DOUBLE PRECISION) / 1000000000000 AS "vip_threshold",
  CAST(200000000000 AS DOUBLE PRECISION) / 1000000000000 AS "good_threshold"
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
      MAX(CASE WHEN "t12"."month" = 24288 THEN 1 ELSE 0 END) AS "m24288",
      MAX(CASE WHEN "t12"."month" = 24289 THEN 1 ELSE 0 END) AS "m24289",
      MAX(CASE WHEN "t12"."month" = 24290 THEN 1 ELSE 0 END) AS "m24290",
      MAX(CASE WHEN "t12"."month" = 24291 THEN 1 ELSE 0 END) AS "m24291",
      MAX(CASE WHEN "t12"."month" = 24292 THEN 1 ELSE 0 END) AS "m24292",
      MAX(CASE WHEN "t12"."month" = 24293 THEN 1 ELSE 0 END) AS "m24293",
      MAX(CASE WHEN "t12"."month" > 24287 THEN 1 ELSE 0 END) AS "vip",
      MAX(
        CASE
          WHEN (
            "t12"."month" >= 24287
          ) AND (
            "t12"."month" < 24293
          )
          THEN 1
          ELSE 0
        END
      ) AS "was_vip"
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
              ORDER BY "t8"."amount" DESC NULLS LAST, "t8"."customer_id" ASC
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
              CAST(200000000000 AS DOUBLE PRECISION) / 1000000000000
            )
          ) - (
            CAST(1000 AS DOUBLE PRECISION) / 1000000000000
          )
        ) AS BIGINT)
    ) AS "t12"
    GROUP BY
      1
  ) AS "t14"
    ON "t3"."customer_id" = "t14"."customer_id"
) AS "t15"
