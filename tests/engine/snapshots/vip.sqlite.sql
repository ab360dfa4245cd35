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
    FROM "t5" AS "t6"
    WHERE
      "t6"."amount" > 0
  ) AS "t9"
), "t26" AS (
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t14"."customer_id",
        "t14"."month",
        "t14"."month" + 4 AS "register"
      FROM "t13" AS "t14"
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
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t14"."customer_id",
        "t14"."month",
        "t14"."month" + 5 AS "register"
      FROM "t13" AS "t14"
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
    ) AS "t17"
  ) AS "t22"
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
          "t14"."customer_id",
          "t14"."month",
          "t14"."month" + 0 AS "register"
        FROM "t13" AS "t14"
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
      ) AS "t18"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t14"."customer_id",
          "t14"."month",
          "t14"."month" + 1 AS "register"
        FROM "t13" AS "t14"
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
      ) AS "t19"
    ) AS "t23"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          "t14"."customer_id",
          "t14"."month",
          "t14"."month" + 2 AS "register"
        FROM "t13" AS "t14"
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
      ) AS "t20"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          "t14"."customer_id",
          "t14"."month",
          "t14"."month" + 3 AS "register"
        FROM "t13" AS "t14"
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
      ) AS "t21"
    ) AS "t24"
  ) AS "t25"
)
SELECT
  "t43"."customer_id",
  CASE
    WHEN COALESCE("t43"."vip", FALSE)
    THEN 'vip'
    WHEN (
      NOT (
        COALESCE("t43"."vip", FALSE)
      )
      AND (
        "t43"."value" > 0
      )
      AND (
        (
          (
            ROW_NUMBER() OVER (
              PARTITION BY NOT (
                COALESCE("t43"."vip", FALSE)
              ) AND (
                "t43"."value" > 0
              )
              ORDER BY "t43"."value" DESC, "t43"."customer_id" ASC NULLS LAST
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) - 1
          ) + 1
        ) <= CAST(CEIL(
          (
            COUNT("t43"."value") FILTER(WHERE
              NOT (
                COALESCE("t43"."vip", FALSE)
              ) AND (
                "t43"."value" > 0
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
      COALESCE("t43"."was_vip", FALSE) AND NOT (
        COALESCE("t43"."vip", FALSE)
      )
    )
    THEN 'good'
    ELSE 'regular'
  END AS "class",
  "t43"."value",
  (
    ROW_NUMBER() OVER (
      ORDER BY "t43"."value" DESC, "t43"."customer_id" ASC NULLS LAST
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) - 1
  ) + 1 AS "rank",
  COALESCE("t43"."vip_months", 0) AS "vip_months",
  SUBSTRING(
    '' || IIF(COALESCE("t43"."m24288", 0) = 1, ',2024-01', '') || IIF(COALESCE("t43"."m24289", 0) = 1, ',2024-02', '') || IIF(COALESCE("t43"."m24290", 0) = 1, ',2024-03', '') || IIF(COALESCE("t43"."m24291", 0) = 1, ',2024-04', '') || IIF(COALESCE("t43"."m24292", 0) = 1, ',2024-05', '') || IIF(COALESCE("t43"."m24293", 0) = 1, ',2024-06', ''),
    IIF(
      (
        1 + 1
      ) >= 1,
      1 + 1,
      1 + 1 + LENGTH(
        '' || IIF(COALESCE("t43"."m24288", 0) = 1, ',2024-01', '') || IIF(COALESCE("t43"."m24289", 0) = 1, ',2024-02', '') || IIF(COALESCE("t43"."m24290", 0) = 1, ',2024-03', '') || IIF(COALESCE("t43"."m24291", 0) = 1, ',2024-04', '') || IIF(COALESCE("t43"."m24292", 0) = 1, ',2024-05', '') || IIF(COALESCE("t43"."m24293", 0) = 1, ',2024-06', '')
      )
    )
  ) AS "months_vip",
  COALESCE("t43"."was_vip", FALSE) AND NOT (
    COALESCE("t43"."vip", FALSE)
  ) AS "fell_out",
  CAST(200000000000 AS REAL) / 1000000000000 AS "vip_threshold",
  CAST(200000000000 AS REAL) / 1000000000000 AS "good_threshold"
FROM (
  SELECT
    "t42"."customer_id",
    "t42"."value",
    "t42"."vip",
    "t42"."was_vip",
    "t42"."vip_months",
    "t42"."m24288",
    "t42"."m24289",
    "t42"."m24290",
    "t42"."m24291",
    "t42"."m24292",
    "t42"."m24293"
  FROM (
    SELECT
      "t41"."customer_id",
      "t41"."value",
      "t41"."vip",
      "t41"."was_vip",
      "t29"."customer_id" AS "customer_id_right",
      "t29"."vip_months",
      "t29"."m24288",
      "t29"."m24289",
      "t29"."m24290",
      "t29"."m24291",
      "t29"."m24292",
      "t29"."m24293"
    FROM (
      SELECT
        "t39"."customer_id",
        "t39"."value",
        "t39"."vip",
        "t39"."was_vip"
      FROM (
        SELECT
          "t38"."customer_id",
          "t38"."value",
          "t38"."vip",
          "t34"."customer_id" AS "customer_id_right",
          "t34"."was_vip"
        FROM (
          SELECT
            "t36"."customer_id",
            "t36"."value",
            "t36"."vip"
          FROM (
            SELECT
              "t3"."customer_id",
              COALESCE("t11"."value", 0) AS "value",
              "t35"."customer_id" AS "customer_id_right",
              "t35"."vip"
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
            ) AS "t11"
              ON "t3"."customer_id" = "t11"."customer_id"
            LEFT OUTER JOIN (
              SELECT
                "t31"."customer_id",
                TRUE AS "vip"
              FROM (
                SELECT DISTINCT
                  "t28"."customer_id",
                  "t28"."register" AS "month"
                FROM "t26" AS "t28"
                WHERE
                  "t28"."register" >= 24287
                  AND "t28"."register" <= 24293
                  AND "t28"."register" = 24293
              ) AS "t31"
            ) AS "t35"
              ON "t3"."customer_id" = "t35"."customer_id"
          ) AS "t36"
        ) AS "t38"
        LEFT OUTER JOIN (
          SELECT
            "t30"."customer_id",
            TRUE AS "was_vip"
          FROM (
            SELECT DISTINCT
              "t28"."customer_id",
              "t28"."register" AS "month"
            FROM "t26" AS "t28"
            WHERE
              "t28"."register" >= 24287
              AND "t28"."register" <= 24293
              AND "t28"."register" = 24292
          ) AS "t30"
        ) AS "t34"
          ON "t38"."customer_id" = "t34"."customer_id"
      ) AS "t39"
    ) AS "t41"
    LEFT OUTER JOIN (
      SELECT
        "t15"."customer_id",
        COUNT(*) AS "vip_months",
        MAX(IIF("t15"."month" = 24288, 1, 0)) AS "m24288",
        MAX(IIF("t15"."month" = 24289, 1, 0)) AS "m24289",
        MAX(IIF("t15"."month" = 24290, 1, 0)) AS "m24290",
        MAX(IIF("t15"."month" = 24291, 1, 0)) AS "m24291",
        MAX(IIF("t15"."month" = 24292, 1, 0)) AS "m24292",
        MAX(IIF("t15"."month" = 24293, 1, 0)) AS "m24293"
      FROM (
        SELECT
          "t12"."customer_id",
          "t12"."month"
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
              "t6"."month" > 24287 AND "t6"."amount" > 0
          ) AS "t8"
        ) AS "t12"
        WHERE
          "t12"."_rank" <= CAST(CEIL(
            (
              "t12"."_count" * (
                CAST(200000000000 AS REAL) / 1000000000000
              )
            ) - (
              CAST(1000 AS REAL) / 1000000000000
            )
          ) AS INTEGER)
      ) AS "t15"
      GROUP BY
        1
    ) AS "t29"
      ON "t41"."customer_id" = "t29"."customer_id"
  ) AS "t42"
) AS "t43"
