SELECT
  "t11"."customer_id",
  CASE
    WHEN "t11"."growth_last_year" >= (
      CAST(200000000000 AS DOUBLE) / 1000000000000
    )
    THEN 'A'
    WHEN (
      "t11"."growth_last_year" >= (
        CAST(100000000000 AS DOUBLE) / 1000000000000
      )
    )
    AND (
      "t11"."growth_year_before" >= (
        CAST(100000000000 AS DOUBLE) / 1000000000000
      )
    )
    AND (
      "t11"."active_months" >= (
        CAST(10000000000000 AS DOUBLE) / 1000000000000
      )
    )
    THEN 'B'
    ELSE 'C'
  END AS "class",
  "t11"."value",
  "t11"."rank",
  "t11"."share",
  CASE
    WHEN "t11"."growth_last_year" >= (
      CAST(200000000000 AS DOUBLE) / 1000000000000
    )
    THEN 1
    WHEN (
      "t11"."growth_last_year" >= (
        CAST(100000000000 AS DOUBLE) / 1000000000000
      )
    )
    AND (
      "t11"."growth_year_before" >= (
        CAST(100000000000 AS DOUBLE) / 1000000000000
      )
    )
    AND (
      "t11"."active_months" >= (
        CAST(10000000000000 AS DOUBLE) / 1000000000000
      )
    )
    THEN 2
    ELSE CAST(NULL AS BIGINT)
  END AS "matched_rule",
  "t11"."active_months",
  "t11"."growth_last_year",
  "t11"."growth_year_before"
FROM (
  SELECT
    "t10"."customer_id",
    "t10"."revenue",
    "t10"."active_months",
    "t10"."growth_last_year",
    "t10"."growth_year_before",
    "t10"."value",
    "t10"."rank",
    CASE
      WHEN (
        "t10"."value" > 0
      )
      AND (
        CAST(SUM("t10"."value") FILTER(WHERE
          "t10"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE) > 0
      )
      THEN "t10"."value" / CAST(SUM("t10"."value") FILTER(WHERE
        "t10"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE)
      ELSE 0.0
    END AS "share",
    CASE
      WHEN CAST(SUM("t10"."value") FILTER(WHERE
        "t10"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE) > 0
      THEN CAST(SUM("t10"."value") FILTER(WHERE
        "t10"."value" > 0) OVER (ORDER BY "t10"."rank" ASC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE) / CAST(SUM("t10"."value") FILTER(WHERE
        "t10"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE)
      ELSE 0.0
    END AS "cumulative_share"
  FROM (
    SELECT
      "t9"."customer_id",
      "t9"."revenue",
      "t9"."active_months",
      "t9"."growth_last_year",
      "t9"."growth_year_before",
      "t9"."value",
      (
        ROW_NUMBER() OVER (
          ORDER BY "t9"."value" DESC, "t9"."customer_id" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1
      ) + 1 AS "rank"
    FROM (
      SELECT
        "t8"."customer_id",
        "t8"."revenue",
        "t8"."active_months",
        "t8"."growth_last_year",
        "t8"."growth_year_before",
        "t8"."revenue" AS "value"
      FROM (
        SELECT
          "t3"."customer_id",
          COALESCE("t7"."revenue", 0) AS "revenue",
          COALESCE("t7"."active_months", 0) AS "active_months",
          "t7"."growth_last_year",
          "t7"."growth_year_before"
        FROM (
          SELECT DISTINCT
            "t0"."id" AS "customer_id"
          FROM "customers" AS "t0"
          WHERE
            "t0"."status" <> 'prospect'
        ) AS "t3"
        LEFT OUTER JOIN (
          SELECT
            "t5"."customer_id",
            "t5"."revenue",
            CASE WHEN "t5"."_m0" > 0 THEN 1 ELSE 0 END + CASE WHEN "t5"."_m1" > 0 THEN 1 ELSE 0 END + CASE WHEN "t5"."_m2" > 0 THEN 1 ELSE 0 END + CASE WHEN "t5"."_m3" > 0 THEN 1 ELSE 0 END + CASE WHEN "t5"."_m4" > 0 THEN 1 ELSE 0 END + CASE WHEN "t5"."_m5" > 0 THEN 1 ELSE 0 END + CASE WHEN "t5"."_m6" > 0 THEN 1 ELSE 0 END + CASE WHEN "t5"."_m7" > 0 THEN 1 ELSE 0 END + CASE WHEN "t5"."_m8" > 0 THEN 1 ELSE 0 END + CASE WHEN "t5"."_m9" > 0 THEN 1 ELSE 0 END + CASE WHEN "t5"."_m10" > 0 THEN 1 ELSE 0 END + CASE WHEN "t5"."_m11" > 0 THEN 1 ELSE 0 END AS "active_months",
            CASE
              WHEN "t5"."previous_year_revenue" > 0
              THEN (
                (
                  (
                    (
                      CAST("t5"."last_year_revenue" - "t5"."previous_year_revenue" AS DOUBLE) / CAST("t5"."previous_year_revenue" AS DOUBLE)
                    ) * CAST(1000000000 AS DOUBLE)
                  ) + 6755399441055744
                ) - 6755399441055744
              ) / CAST(1000000000 AS DOUBLE)
              ELSE NULL
            END AS "growth_last_year",
            CASE
              WHEN "t5"."third_year_revenue" > 0
              THEN (
                (
                  (
                    (
                      CAST("t5"."previous_year_revenue" - "t5"."third_year_revenue" AS DOUBLE) / CAST("t5"."third_year_revenue" AS DOUBLE)
                    ) * CAST(1000000000 AS DOUBLE)
                  ) + 6755399441055744
                ) - 6755399441055744
              ) / CAST(1000000000 AS DOUBLE)
              ELSE NULL
            END AS "growth_year_before"
          FROM (
            SELECT
              "t4"."customer_id",
              SUM("t4"."amount_cents") FILTER(WHERE
                (
                  "t4"."month" >= 0
                ) AND (
                  "t4"."month" < 12
                )) AS "revenue",
              COALESCE(SUM("t4"."amount_cents") FILTER(WHERE
                "t4"."month" = 0), 0) AS "_m0",
              COALESCE(SUM("t4"."amount_cents") FILTER(WHERE
                "t4"."month" = 1), 0) AS "_m1",
              COALESCE(SUM("t4"."amount_cents") FILTER(WHERE
                "t4"."month" = 2), 0) AS "_m2",
              COALESCE(SUM("t4"."amount_cents") FILTER(WHERE
                "t4"."month" = 3), 0) AS "_m3",
              COALESCE(SUM("t4"."amount_cents") FILTER(WHERE
                "t4"."month" = 4), 0) AS "_m4",
              COALESCE(SUM("t4"."amount_cents") FILTER(WHERE
                "t4"."month" = 5), 0) AS "_m5",
              COALESCE(SUM("t4"."amount_cents") FILTER(WHERE
                "t4"."month" = 6), 0) AS "_m6",
              COALESCE(SUM("t4"."amount_cents") FILTER(WHERE
                "t4"."month" = 7), 0) AS "_m7",
              COALESCE(SUM("t4"."amount_cents") FILTER(WHERE
                "t4"."month" = 8), 0) AS "_m8",
              COALESCE(SUM("t4"."amount_cents") FILTER(WHERE
                "t4"."month" = 9), 0) AS "_m9",
              COALESCE(SUM("t4"."amount_cents") FILTER(WHERE
                "t4"."month" = 10), 0) AS "_m10",
              COALESCE(SUM("t4"."amount_cents") FILTER(WHERE
                "t4"."month" = 11), 0) AS "_m11",
              COALESCE(
                SUM("t4"."amount_cents") FILTER(WHERE
                  (
                    (
                      "t4"."month" >= 0
                    ) AND (
                      "t4"."month" < 12
                    )
                  )
                  OR (
                    "t4"."month" = -1
                  )),
                0
              ) AS "last_year_revenue",
              COALESCE(
                SUM("t4"."amount_cents") FILTER(WHERE
                  (
                    (
                      "t4"."month" >= 12
                    ) AND (
                      "t4"."month" < 24
                    )
                  )
                  OR (
                    "t4"."month" = -2
                  )),
                0
              ) AS "previous_year_revenue",
              COALESCE(
                SUM("t4"."amount_cents") FILTER(WHERE
                  (
                    (
                      "t4"."month" >= 24
                    ) AND (
                      "t4"."month" < 36
                    )
                  )
                  OR (
                    "t4"."month" = -3
                  )),
                0
              ) AS "third_year_revenue"
            FROM (
              SELECT
                "t1"."customer_id",
                "t1"."date",
                "t1"."document_id",
                "t1"."product_id",
                "t1"."units",
                "t1"."amount_cents",
                "t1"."cost_cents",
                (
                  24293 - (
                    (
                      (
                        CAST(EXTRACT(year FROM "t1"."date") AS BIGINT) * 12
                      ) + CAST(EXTRACT(month FROM "t1"."date") AS BIGINT)
                    ) - 1
                  )
                ) - CASE WHEN EXTRACT(day FROM "t1"."date") > 30 THEN 1 ELSE 0 END AS "month"
              FROM "transactions" AS "t1"
              WHERE
                "t1"."date" > MAKE_DATE(2021, 6, 30) AND "t1"."date" <= MAKE_DATE(2024, 6, 30)
            ) AS "t4"
            GROUP BY
              1
          ) AS "t5"
        ) AS "t7"
          ON "t3"."customer_id" = "t7"."customer_id"
      ) AS "t8"
    ) AS "t9"
  ) AS "t10"
) AS "t11"
