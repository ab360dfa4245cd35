WITH "t6" AS (
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
      "t1"."date" >= '2024-01-01' AND "t1"."date" <= '2024-06-30'
  ) AS "t4"
  GROUP BY
    1,
    2
), "t13" AS (
  SELECT
    "t9"."customer_id",
    "t9"."month",
    "t9"."amount",
    (
      ROW_NUMBER() OVER (
        PARTITION BY "t9"."month"
        ORDER BY "t9"."amount" DESC, "t9"."customer_id" ASC NULLS LAST
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1
    ) + 1 AS "_rank",
    COUNT("t9"."amount") OVER (
      PARTITION BY "t9"."month"
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "_count"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t5"."customer_id",
        "t5"."month",
        SUM("t5"."amount_cents") AS "amount"
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
      ) AS "t5"
      GROUP BY
        1,
        2
    ) AS "t7"
    WHERE
      "t7"."amount" > 0
  ) AS "t9"
), "t27" AS (
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t15"."customer_id",
        "t15"."month",
        "t15"."month" + 4 AS "register"
      FROM "t13" AS "t15"
      WHERE
        "t15"."_rank" <= CAST(CEIL(
          (
            "t15"."_count" * (
              CAST(200000000000 AS REAL) / 1000000000000
            )
          ) - (
            CAST(1000 AS REAL) / 1000000000000
          )
        ) AS INTEGER)
    ) AS "t17"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t15"."customer_id",
        "t15"."month",
        "t15"."month" + 5 AS "register"
      FROM "t13" AS "t15"
      WHERE
        "t15"."_rank" <= CAST(CEIL(
          (
            "t15"."_count" * (
              CAST(200000000000 AS REAL) / 1000000000000
            )
          ) - (
            CAST(1000 AS REAL) / 1000000000000
          )
        ) AS INTEGER)
    ) AS "t18"
  ) AS "t23"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t15"."customer_id",
          "t15"."month",
          "t15"."month" + 0 AS "register"
        FROM "t13" AS "t15"
        WHERE
          "t15"."_rank" <= CAST(CEIL(
            (
              "t15"."_count" * (
                CAST(200000000000 AS REAL) / 1000000000000
              )
            ) - (
              CAST(1000 AS REAL) / 1000000000000
            )
          ) AS INTEGER)
      ) AS "t19"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t15"."customer_id",
          "t15"."month",
          "t15"."month" + 1 AS "register"
        FROM "t13" AS "t15"
        WHERE
          "t15"."_rank" <= CAST(CEIL(
            (
              "t15"."_count" * (
                CAST(200000000000 AS REAL) / 1000000000000
              )
            ) - (
              CAST(1000 AS REAL) / 1000000000000
            )
          ) AS INTEGER)
      ) AS "t20"
    ) AS "t24"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t15"."customer_id",
          "t15"."month",
          "t15"."month" + 2 AS "register"
        FROM "t13" AS "t15"
        WHERE
          "t15"."_rank" <= CAST(CEIL(
            (
              "t15"."_count" * (
                CAST(200000000000 AS REAL) / 1000000000000
              )
            ) - (
              CAST(1000 AS REAL) / 1000000000000
            )
          ) AS INTEGER)
      ) AS "t21"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t15"."customer_id",
          "t15"."month",
          "t15"."month" + 3 AS "register"
        FROM "t13" AS "t15"
        WHERE
          "t15"."_rank" <= CAST(CEIL(
            (
              "t15"."_count" * (
                CAST(200000000000 AS REAL) / 1000000000000
              )
            ) - (
              CAST(1000 AS REAL) / 1000000000000
            )
          ) AS INTEGER)
      ) AS "t22"
    ) AS "t25"
  ) AS "t26"
)
SELECT
  "t44"."customer_id",
  CASE
    WHEN COALESCE("t44"."vip", FALSE)
    THEN 'vip'
    WHEN (
      NOT (
        COALESCE("t44"."vip", FALSE)
      )
      AND (
        "t44"."value" > 0
      )
      AND (
        (
          (
            ROW_NUMBER() OVER (
              PARTITION BY NOT (
                COALESCE("t44"."vip", FALSE)
              ) AND (
                "t44"."value" > 0
              )
              ORDER BY "t44"."value" DESC, "t44"."customer_id" ASC NULLS LAST
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) - 1
          ) + 1
        ) <= CAST(CEIL(
          (
            COUNT("t44"."value") FILTER(WHERE
              NOT (
                COALESCE("t44"."vip", FALSE)
              ) AND (
                "t44"."value" > 0
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
      COALESCE("t44"."was_vip", FALSE) AND NOT (
        COALESCE("t44"."vip", FALSE)
      )
    )
    THEN 'good'
    ELSE 'regular'
  END AS "class",
  "t44"."value",
  (
    ROW_NUMBER() OVER (
      ORDER BY "t44"."value" DESC, "t44"."customer_id" ASC NULLS LAST
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1
  ) + 1 AS "rank",
  COALESCE("t44"."vip_months", 0) AS "vip_months",
  SUBSTRING(
    '' || IIF(COALESCE("t44"."m24288", 0) = 1, ',2024-01', '') || IIF(COALESCE("t44"."m24289", 0) = 1, ',2024-02', '') || IIF(COALESCE("t44"."m24290", 0) = 1, ',2024-03', '') || IIF(COALESCE("t44"."m24291", 0) = 1, ',2024-04', '') || IIF(COALESCE("t44"."m24292", 0) = 1, ',2024-05', '') || IIF(COALESCE("t44"."m24293", 0) = 1, ',2024-06', ''),
    IIF(
      (
        1 + 1
      ) >= 1,
      1 + 1,
      1 + 1 + LENGTH(
        '' || IIF(COALESCE("t44"."m24288", 0) = 1, ',2024-01', '') || IIF(COALESCE("t44"."m24289", 0) = 1, ',2024-02', '') || IIF(COALESCE("t44"."m24290", 0) = 1, ',2024-03', '') || IIF(COALESCE("t44"."m24291", 0) = 1, ',2024-04', '') || IIF(COALESCE("t44"."m24292", 0) = 1, ',2024-05', '') || IIF(COALESCE("t44"."m24293", 0) = 1, ',2024-06', '')
      )
    )
  ) AS "months_vip",
  COALESCE("t44"."was_vip", FALSE) AND NOT (
    COALESCE("t44"."vip", FALSE)
  ) AS "fell_out",
  CAST(200000000000 AS REAL) / 1000000000000 AS "vip_threshold",
  CAST(200000000000 AS REAL) / 1000000000000 AS "good_threshold"
FROM (
  SELECT
    "t43"."customer_id",
    "t43"."value",
    "t43"."vip",
    "t43"."was_vip",
    "t43"."vip_months",
    "t43"."m24288",
    "t43"."m24289",
    "t43"."m24290",
    "t43"."m24291",
    "t43"."m24292",
    "t43"."m24293"
  FROM (
    SELECT
      "t42"."customer_id",
      "t42"."value",
      "t42"."vip",
      "t42"."was_vip",
      "t30"."customer_id" AS "customer_id_right",
      "t30"."vip_months",
      "t30"."m24288",
      "t30"."m24289",
      "t30"."m24290",
      "t30"."m24291",
      "t30"."m24292",
      "t30"."m24293"
    FROM (
      SELECT
        "t40"."customer_id",
        "t40"."value",
        "t40"."vip",
        "t40"."was_vip"
      FROM (
        SELECT
          "t39"."customer_id",
          "t39"."value",
          "t39"."vip",
          "t35"."customer_id" AS "customer_id_right",
          "t35"."was_vip"
        FROM (
          SELECT
            "t37"."customer_id",
            "t37"."value",
            "t37"."vip"
          FROM (
            SELECT
              "t3"."customer_id",
              COALESCE("t12"."value", 0) AS "value",
              "t36"."customer_id" AS "customer_id_right",
              "t36"."vip"
            FROM (
              SELECT DISTINCT
                "t0"."id" AS "customer_id"
              FROM "customers" AS "t0"
              WHERE
                "t0"."status" <> 'prospect'
            ) AS "t3"
            LEFT OUTER JOIN (
              SELECT
                "t8"."customer_id",
                SUM("t8"."amount") AS "value"
              FROM "t6" AS "t8"
              GROUP BY
                1
            ) AS "t12"
              ON "t3"."customer_id" = "t12"."customer_id"
            LEFT OUTER JOIN (
              SELECT
                "t32"."customer_id",
                TRUE AS "vip"
              FROM (
                SELECT DISTINCT
                  "t28"."customer_id",
                  "t28"."register" AS "month"
                FROM "t27" AS "t28"
                WHERE
                  "t28"."register" >= 24287
                  AND "t28"."register" <= 24293
                  AND "t28"."register" = 24293
              ) AS "t32"
            ) AS "t36"
              ON "t3"."customer_id" = "t36"."customer_id"
          ) AS "t37"
        ) AS "t39"
        LEFT OUTER JOIN (
          SELECT
            "t31"."customer_id",
            TRUE AS "was_vip"
          FROM (
            SELECT DISTINCT
              "t28"."customer_id",
              "t28"."register" AS "month"
            FROM "t27" AS "t28"
            WHERE
              "t28"."register" >= 24287
              AND "t28"."register" <= 24293
              AND "t28"."register" = 24292
          ) AS "t31"
        ) AS "t35"
          ON "t39"."customer_id" = "t35"."customer_id"
      ) AS "t40"
    ) AS "t42"
    LEFT OUTER JOIN (
      SELECT
        "t16"."customer_id",
        COUNT(*) AS "vip_months",
        MAX(IIF("t16"."month" = 24288, 1, 0)) AS "m24288",
        MAX(IIF("t16"."month" = 24289, 1, 0)) AS "m24289",
        MAX(IIF("t16"."month" = 24290, 1, 0)) AS "m24290",
        MAX(IIF("t16"."month" = 24291, 1, 0)) AS "m24291",
        MAX(IIF("t16"."month" = 24292, 1, 0)) AS "m24292",
        MAX(IIF("t16"."month" = 24293, 1, 0)) AS "m24293"
      FROM (
        SELECT
          "t14"."customer_id",
          "t14"."month"
        FROM (
          SELECT
            "t10"."customer_id",
            "t10"."month",
            "t10"."amount",
            (
              ROW_NUMBER() OVER (
                PARTITION BY "t10"."month"
                ORDER BY "t10"."amount" DESC, "t10"."customer_id" ASC NULLS LAST
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
              ) - 1
            ) + 1 AS "_rank",
            COUNT("t10"."amount") OVER (
              PARTITION BY "t10"."month"
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) AS "_count"
          FROM (
            SELECT
              *
            FROM "t6" AS "t8"
            WHERE
              "t8"."amount" > 0
          ) AS "t10"
        ) AS "t14"
        WHERE
          "t14"."_rank" <= CAST(CEIL(
            (
              "t14"."_count" * (
                CAST(200000000000 AS REAL) / 1000000000000
              )
            ) - (
              CAST(1000 AS REAL) / 1000000000000
            )
          ) AS INTEGER)
      ) AS "t16"
      GROUP BY
        1
    ) AS "t30"
      ON "t42"."customer_id" = "t30"."customer_id"
  ) AS "t43"
) AS "t44"
