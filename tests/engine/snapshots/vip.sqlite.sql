WITH "t12" AS (
  SELECT
    "t9"."customer_id",
    "t9"."month",
    SUM("t9"."amount_cents") AS "amount"
  FROM (
    SELECT
      "t0"."customer_id",
      "t0"."date",
      "t0"."amount_cents",
      (
        (
          CAST(CAST(STRFTIME('%Y', "t0"."date") AS INTEGER) AS INTEGER) * 12
        ) + CAST(CAST(STRFTIME('%m', "t0"."date") AS INTEGER) AS INTEGER)
      ) - 1 AS "month"
    FROM "payments" AS "t0"
    WHERE
      "t0"."date" >= '2024-01-01' AND "t0"."date" <= '2024-06-30'
  ) AS "t9"
  GROUP BY
    1,
    2
), "t19" AS (
  SELECT
    "t15"."customer_id",
    "t15"."month",
    "t15"."amount",
    (
      ROW_NUMBER() OVER (
        PARTITION BY "t15"."month"
        ORDER BY "t15"."amount" DESC, "t15"."customer_id" ASC NULLS LAST
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1
    ) + 1 AS "_rank",
    COUNT("t15"."amount") OVER (
      PARTITION BY "t15"."month"
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "_count"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t10"."customer_id",
        "t10"."month",
        SUM("t10"."amount_cents") AS "amount"
      FROM (
        SELECT
          "t0"."customer_id",
          "t0"."date",
          "t0"."amount_cents",
          (
            (
              CAST(CAST(STRFTIME('%Y', "t0"."date") AS INTEGER) AS INTEGER) * 12
            ) + CAST(CAST(STRFTIME('%m', "t0"."date") AS INTEGER) AS INTEGER)
          ) - 1 AS "month"
        FROM "payments" AS "t0"
        WHERE
          "t0"."date" >= '2023-07-01' AND "t0"."date" <= '2024-06-30'
      ) AS "t10"
      GROUP BY
        1,
        2
    ) AS "t13"
    WHERE
      "t13"."amount" > 0
  ) AS "t15"
), "t33" AS (
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t21"."customer_id",
        "t21"."month",
        "t21"."month" + 4 AS "register"
      FROM "t19" AS "t21"
      WHERE
        "t21"."_rank" <= CAST(CEIL(
          (
            "t21"."_count" * (
              CAST(200000000000 AS REAL) / 1000000000000
            )
          ) - (
            CAST(1000 AS REAL) / 1000000000000
          )
        ) AS INTEGER)
    ) AS "t23"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t21"."customer_id",
        "t21"."month",
        "t21"."month" + 5 AS "register"
      FROM "t19" AS "t21"
      WHERE
        "t21"."_rank" <= CAST(CEIL(
          (
            "t21"."_count" * (
              CAST(200000000000 AS REAL) / 1000000000000
            )
          ) - (
            CAST(1000 AS REAL) / 1000000000000
          )
        ) AS INTEGER)
    ) AS "t24"
  ) AS "t29"
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
          "t21"."customer_id",
          "t21"."month",
          "t21"."month" + 0 AS "register"
        FROM "t19" AS "t21"
        WHERE
          "t21"."_rank" <= CAST(CEIL(
            (
              "t21"."_count" * (
                CAST(200000000000 AS REAL) / 1000000000000
              )
            ) - (
              CAST(1000 AS REAL) / 1000000000000
            )
          ) AS INTEGER)
      ) AS "t25"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t21"."customer_id",
          "t21"."month",
          "t21"."month" + 1 AS "register"
        FROM "t19" AS "t21"
        WHERE
          "t21"."_rank" <= CAST(CEIL(
            (
              "t21"."_count" * (
                CAST(200000000000 AS REAL) / 1000000000000
              )
            ) - (
              CAST(1000 AS REAL) / 1000000000000
            )
          ) AS INTEGER)
      ) AS "t26"
    ) AS "t30"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t21"."customer_id",
          "t21"."month",
          "t21"."month" + 2 AS "register"
        FROM "t19" AS "t21"
        WHERE
          "t21"."_rank" <= CAST(CEIL(
            (
              "t21"."_count" * (
                CAST(200000000000 AS REAL) / 1000000000000
              )
            ) - (
              CAST(1000 AS REAL) / 1000000000000
            )
          ) AS INTEGER)
      ) AS "t27"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t21"."customer_id",
          "t21"."month",
          "t21"."month" + 3 AS "register"
        FROM "t19" AS "t21"
        WHERE
          "t21"."_rank" <= CAST(CEIL(
            (
              "t21"."_count" * (
                CAST(200000000000 AS REAL) / 1000000000000
              )
            ) - (
              CAST(1000 AS REAL) / 1000000000000
            )
          ) AS INTEGER)
      ) AS "t28"
    ) AS "t31"
  ) AS "t32"
)
SELECT
  "t50"."customer_id",
  CASE
    WHEN COALESCE("t50"."vip", FALSE)
    THEN 'vip'
    WHEN (
      NOT (
        COALESCE("t50"."vip", FALSE)
      )
      AND (
        "t50"."value" > 0
      )
      AND (
        (
          (
            ROW_NUMBER() OVER (
              PARTITION BY NOT (
                COALESCE("t50"."vip", FALSE)
              ) AND (
                "t50"."value" > 0
              )
              ORDER BY "t50"."value" DESC, "t50"."customer_id" ASC NULLS LAST
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) - 1
          ) + 1
        ) <= CAST(CEIL(
          (
            COUNT("t50"."value") FILTER(WHERE
              NOT (
                COALESCE("t50"."vip", FALSE)
              ) AND (
                "t50"."value" > 0
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
      COALESCE("t50"."was_vip", FALSE) AND NOT (
        COALESCE("t50"."vip", FALSE)
      )
    )
    THEN 'good'
    ELSE 'regular'
  END AS "class",
  "t50"."value",
  (
    ROW_NUMBER() OVER (
      ORDER BY "t50"."value" DESC, "t50"."customer_id" ASC NULLS LAST
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1
  ) + 1 AS "rank",
  COALESCE("t50"."vip_months", 0) AS "vip_months",
  SUBSTRING(
    '' || IIF(COALESCE("t50"."m24288", 0) = 1, ',2024-01', '') || IIF(COALESCE("t50"."m24289", 0) = 1, ',2024-02', '') || IIF(COALESCE("t50"."m24290", 0) = 1, ',2024-03', '') || IIF(COALESCE("t50"."m24291", 0) = 1, ',2024-04', '') || IIF(COALESCE("t50"."m24292", 0) = 1, ',2024-05', '') || IIF(COALESCE("t50"."m24293", 0) = 1, ',2024-06', ''),
    IIF(
      (
        1 + 1
      ) >= 1,
      1 + 1,
      1 + 1 + LENGTH(
        '' || IIF(COALESCE("t50"."m24288", 0) = 1, ',2024-01', '') || IIF(COALESCE("t50"."m24289", 0) = 1, ',2024-02', '') || IIF(COALESCE("t50"."m24290", 0) = 1, ',2024-03', '') || IIF(COALESCE("t50"."m24291", 0) = 1, ',2024-04', '') || IIF(COALESCE("t50"."m24292", 0) = 1, ',2024-05', '') || IIF(COALESCE("t50"."m24293", 0) = 1, ',2024-06', '')
      )
    )
  ) AS "months_vip",
  COALESCE("t50"."was_vip", FALSE) AND NOT (
    COALESCE("t50"."vip", FALSE)
  ) AS "fell_out",
  CAST(200000000000 AS REAL) / 1000000000000 AS "vip_threshold",
  CAST(200000000000 AS REAL) / 1000000000000 AS "good_threshold"
FROM (
  SELECT
    "t49"."customer_id",
    "t49"."value",
    "t49"."vip",
    "t49"."was_vip",
    "t49"."vip_months",
    "t49"."m24288",
    "t49"."m24289",
    "t49"."m24290",
    "t49"."m24291",
    "t49"."m24292",
    "t49"."m24293"
  FROM (
    SELECT
      "t48"."customer_id",
      "t48"."value",
      "t48"."vip",
      "t48"."was_vip",
      "t36"."customer_id" AS "customer_id_right",
      "t36"."vip_months",
      "t36"."m24288",
      "t36"."m24289",
      "t36"."m24290",
      "t36"."m24291",
      "t36"."m24292",
      "t36"."m24293"
    FROM (
      SELECT
        "t46"."customer_id",
        "t46"."value",
        "t46"."vip",
        "t46"."was_vip"
      FROM (
        SELECT
          "t45"."customer_id",
          "t45"."value",
          "t45"."vip",
          "t41"."customer_id" AS "customer_id_right",
          "t41"."was_vip"
        FROM (
          SELECT
            "t43"."customer_id",
            "t43"."value",
            "t43"."vip"
          FROM (
            SELECT
              "t11"."customer_id",
              COALESCE("t18"."value", 0) AS "value",
              "t42"."customer_id" AS "customer_id_right",
              "t42"."vip"
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
                      "t2"."customer_id"
                    FROM "transactions" AS "t2"
                  ) AS "t4"
                  UNION ALL
                  SELECT
                    *
                  FROM (
                    SELECT
                      "t0"."customer_id"
                    FROM "payments" AS "t0"
                  ) AS "t3"
                ) AS "t6"
                UNION ALL
                SELECT
                  *
                FROM (
                  SELECT
                    "t1"."id" AS "customer_id"
                  FROM "customers" AS "t1"
                  WHERE
                    "t1"."status" <> 'prospect'
                ) AS "t5"
              ) AS "t7"
            ) AS "t11"
            LEFT OUTER JOIN (
              SELECT
                "t14"."customer_id",
                SUM("t14"."amount") AS "value"
              FROM "t12" AS "t14"
              GROUP BY
                1
            ) AS "t18"
              ON "t11"."customer_id" = "t18"."customer_id"
            LEFT OUTER JOIN (
              SELECT
                "t38"."customer_id",
                TRUE AS "vip"
              FROM (
                SELECT DISTINCT
                  "t34"."customer_id",
                  "t34"."register" AS "month"
                FROM "t33" AS "t34"
                WHERE
                  "t34"."register" >= 24287
                  AND "t34"."register" <= 24293
                  AND "t34"."register" = 24293
              ) AS "t38"
            ) AS "t42"
              ON "t11"."customer_id" = "t42"."customer_id"
          ) AS "t43"
        ) AS "t45"
        LEFT OUTER JOIN (
          SELECT
            "t37"."customer_id",
            TRUE AS "was_vip"
          FROM (
            SELECT DISTINCT
              "t34"."customer_id",
              "t34"."register" AS "month"
            FROM "t33" AS "t34"
            WHERE
              "t34"."register" >= 24287
              AND "t34"."register" <= 24293
              AND "t34"."register" = 24292
          ) AS "t37"
        ) AS "t41"
          ON "t45"."customer_id" = "t41"."customer_id"
      ) AS "t46"
    ) AS "t48"
    LEFT OUTER JOIN (
      SELECT
        "t22"."customer_id",
        COUNT(*) AS "vip_months",
        MAX(IIF("t22"."month" = 24288, 1, 0)) AS "m24288",
        MAX(IIF("t22"."month" = 24289, 1, 0)) AS "m24289",
        MAX(IIF("t22"."month" = 24290, 1, 0)) AS "m24290",
        MAX(IIF("t22"."month" = 24291, 1, 0)) AS "m24291",
        MAX(IIF("t22"."month" = 24292, 1, 0)) AS "m24292",
        MAX(IIF("t22"."month" = 24293, 1, 0)) AS "m24293"
      FROM (
        SELECT
          "t20"."customer_id",
          "t20"."month"
        FROM (
          SELECT
            "t16"."customer_id",
            "t16"."month",
            "t16"."amount",
            (
              ROW_NUMBER() OVER (
                PARTITION BY "t16"."month"
                ORDER BY "t16"."amount" DESC, "t16"."customer_id" ASC NULLS LAST
                ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
              ) - 1
            ) + 1 AS "_rank",
            COUNT("t16"."amount") OVER (
              PARTITION BY "t16"."month"
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) AS "_count"
          FROM (
            SELECT
              *
            FROM "t12" AS "t14"
            WHERE
              "t14"."amount" > 0
          ) AS "t16"
        ) AS "t20"
        WHERE
          "t20"."_rank" <= CAST(CEIL(
            (
              "t20"."_count" * (
                CAST(200000000000 AS REAL) / 1000000000000
              )
            ) - (
              CAST(1000 AS REAL) / 1000000000000
            )
          ) AS INTEGER)
      ) AS "t22"
      GROUP BY
        1
    ) AS "t36"
      ON "t48"."customer_id" = "t36"."customer_id"
  ) AS "t49"
) AS "t50"
