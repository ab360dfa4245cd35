WITH "t5" AS (
  SELECT
    "t4"."customer_id",
    CASE
      WHEN "t4"."month" < 12
      THEN "t4"."month"
      ELSE -1 - CAST(FLOOR((
        "t4"."month"
      ) / (
        12
      )) AS BIGINT)
    END AS "month",
    CASE WHEN "t4"."month" < 12 THEN "t4"."document_id" ELSE CAST(NULL AS TEXT) END AS "order",
    SUM("t4"."amount_cents") AS "amount"
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
      "t1"."date" > MAKE_DATE(2023, 6, 30) AND "t1"."date" <= MAKE_DATE(2024, 6, 30)
  ) AS "t4"
  GROUP BY
    1,
    2,
    3
), "t20" AS (
  SELECT
    "t19"."customer_id",
    "t19"."revenue",
    "t19"."active_months",
    "t19"."monthly_cv",
    "t19"."quarterly_cv",
    "t19"."largest_order",
    "t19"."value",
    "t19"."rank",
    CASE
      WHEN (
        "t19"."value" > 0
      )
      AND (
        CAST(SUM("t19"."value") FILTER(WHERE
          "t19"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE) > 0
      )
      THEN "t19"."value" / CAST(SUM("t19"."value") FILTER(WHERE
        "t19"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE)
      ELSE 0.0
    END AS "share",
    CASE
      WHEN CAST(SUM("t19"."value") FILTER(WHERE
        "t19"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE) > 0
      THEN CAST(SUM("t19"."value") FILTER(WHERE
        "t19"."value" > 0) OVER (ORDER BY "t19"."rank" ASC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE) / CAST(SUM("t19"."value") FILTER(WHERE
        "t19"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE)
      ELSE 0.0
    END AS "cumulative_share"
  FROM (
    SELECT
      "t18"."customer_id",
      "t18"."revenue",
      "t18"."active_months",
      "t18"."monthly_cv",
      "t18"."quarterly_cv",
      "t18"."largest_order",
      "t18"."value",
      (
        ROW_NUMBER() OVER (
          ORDER BY "t18"."value" DESC, "t18"."customer_id" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1
      ) + 1 AS "rank"
    FROM (
      SELECT
        "t17"."customer_id",
        "t17"."revenue",
        "t17"."active_months",
        "t17"."monthly_cv",
        "t17"."quarterly_cv",
        "t17"."largest_order",
        "t17"."revenue" AS "value"
      FROM (
        SELECT
          "t3"."customer_id",
          COALESCE("t16"."revenue", 0) AS "revenue",
          "t16"."largest_order",
          COALESCE("t16"."active_months", 0) AS "active_months",
          "t16"."monthly_cv",
          "t16"."quarterly_cv"
        FROM (
          SELECT DISTINCT
            "t0"."id" AS "customer_id"
          FROM "customers" AS "t0"
          WHERE
            "t0"."status" <> 'prospect'
        ) AS "t3"
        LEFT OUTER JOIN (
          SELECT
            "t14"."customer_id",
            "t14"."revenue",
            "t14"."largest_order",
            CASE WHEN "t14"."_m0" > 0 THEN 1 ELSE 0 END + CASE WHEN "t14"."_m1" > 0 THEN 1 ELSE 0 END + CASE WHEN "t14"."_m2" > 0 THEN 1 ELSE 0 END + CASE WHEN "t14"."_m3" > 0 THEN 1 ELSE 0 END + CASE WHEN "t14"."_m4" > 0 THEN 1 ELSE 0 END + CASE WHEN "t14"."_m5" > 0 THEN 1 ELSE 0 END + CASE WHEN "t14"."_m6" > 0 THEN 1 ELSE 0 END + CASE WHEN "t14"."_m7" > 0 THEN 1 ELSE 0 END + CASE WHEN "t14"."_m8" > 0 THEN 1 ELSE 0 END + CASE WHEN "t14"."_m9" > 0 THEN 1 ELSE 0 END + CASE WHEN "t14"."_m10" > 0 THEN 1 ELSE 0 END + CASE WHEN "t14"."_m11" > 0 THEN 1 ELSE 0 END AS "active_months",
            CASE
              WHEN (
                (
                  (
                    (
                      (
                        CAST(COALESCE("t14"."revenue", 0) AS DOUBLE) / 12
                      ) * CAST(1000000000 AS DOUBLE)
                    ) + 6755399441055744
                  ) - 6755399441055744
                ) / CAST(1000000000 AS DOUBLE)
              ) > 0
              THEN (
                (
                  (
                    (
                      (
                        (
                          (
                            (
                              SQRT(
                                GREATEST(
                                  (
                                    (
                                      (
                                        (
                                          CAST("t14"."_m0" AS DOUBLE) * CAST("t14"."_m0" AS DOUBLE)
                                        ) + (
                                          CAST("t14"."_m1" AS DOUBLE) * CAST("t14"."_m1" AS DOUBLE)
                                        ) + (
                                          CAST("t14"."_m2" AS DOUBLE) * CAST("t14"."_m2" AS DOUBLE)
                                        ) + (
                                          CAST("t14"."_m3" AS DOUBLE) * CAST("t14"."_m3" AS DOUBLE)
                                        ) + (
                                          CAST("t14"."_m4" AS DOUBLE) * CAST("t14"."_m4" AS DOUBLE)
                                        ) + (
                                          CAST("t14"."_m5" AS DOUBLE) * CAST("t14"."_m5" AS DOUBLE)
                                        ) + (
                                          CAST("t14"."_m6" AS DOUBLE) * CAST("t14"."_m6" AS DOUBLE)
                                        ) + (
                                          CAST("t14"."_m7" AS DOUBLE) * CAST("t14"."_m7" AS DOUBLE)
                                        ) + (
                                          CAST("t14"."_m8" AS DOUBLE) * CAST("t14"."_m8" AS DOUBLE)
                                        ) + (
                                          CAST("t14"."_m9" AS DOUBLE) * CAST("t14"."_m9" AS DOUBLE)
                                        ) + (
                                          CAST("t14"."_m10" AS DOUBLE) * CAST("t14"."_m10" AS DOUBLE)
                                        ) + (
                                          CAST("t14"."_m11" AS DOUBLE) * CAST("t14"."_m11" AS DOUBLE)
                                        )
                                      ) * 12
                                    ) - (
                                      CAST(COALESCE("t14"."revenue", 0) AS DOUBLE) * CAST(COALESCE("t14"."revenue", 0) AS DOUBLE)
                                    )
                                  ) / 144,
                                  0
                                )
                              ) * CAST(1000000000 AS DOUBLE)
                            ) + 6755399441055744
                          ) - 6755399441055744
                        ) / CAST(1000000000 AS DOUBLE)
                      ) / (
                        (
                          (
                            (
                              (
                                CAST(COALESCE("t14"."revenue", 0) AS DOUBLE) / 12
                              ) * CAST(1000000000 AS DOUBLE)
                            ) + 6755399441055744
                          ) - 6755399441055744
                        ) / CAST(1000000000 AS DOUBLE)
                      )
                    ) * CAST(1000000000 AS DOUBLE)
                  ) + 6755399441055744
                ) - 6755399441055744
              ) / CAST(1000000000 AS DOUBLE)
              ELSE NULL
            END AS "monthly_cv",
            CASE
              WHEN (
                (
                  (
                    (
                      (
                        CAST(COALESCE("t14"."revenue", 0) AS DOUBLE) / 4
                      ) * CAST(1000000000 AS DOUBLE)
                    ) + 6755399441055744
                  ) - 6755399441055744
                ) / CAST(1000000000 AS DOUBLE)
              ) > 0
              THEN (
                (
                  (
                    (
                      (
                        (
                          (
                            (
                              SQRT(
                                GREATEST(
                                  (
                                    (
                                      (
                                        (
                                          CAST("t14"."_m0" + "t14"."_m1" + "t14"."_m2" AS DOUBLE) * CAST("t14"."_m0" + "t14"."_m1" + "t14"."_m2" AS DOUBLE)
                                        ) + (
                                          CAST("t14"."_m3" + "t14"."_m4" + "t14"."_m5" AS DOUBLE) * CAST("t14"."_m3" + "t14"."_m4" + "t14"."_m5" AS DOUBLE)
                                        ) + (
                                          CAST("t14"."_m6" + "t14"."_m7" + "t14"."_m8" AS DOUBLE) * CAST("t14"."_m6" + "t14"."_m7" + "t14"."_m8" AS DOUBLE)
                                        ) + (
                                          CAST("t14"."_m9" + "t14"."_m10" + "t14"."_m11" AS DOUBLE) * CAST("t14"."_m9" + "t14"."_m10" + "t14"."_m11" AS DOUBLE)
                                        )
                                      ) * 4
                                    ) - (
                                      CAST(COALESCE("t14"."revenue", 0) AS DOUBLE) * CAST(COALESCE("t14"."revenue", 0) AS DOUBLE)
                                    )
                                  ) / 16,
                                  0
                                )
                              ) * CAST(1000000000 AS DOUBLE)
                            ) + 6755399441055744
                          ) - 6755399441055744
                        ) / CAST(1000000000 AS DOUBLE)
                      ) / (
                        (
                          (
                            (
                              (
                                CAST(COALESCE("t14"."revenue", 0) AS DOUBLE) / 4
                              ) * CAST(1000000000 AS DOUBLE)
                            ) + 6755399441055744
                          ) - 6755399441055744
                        ) / CAST(1000000000 AS DOUBLE)
                      )
                    ) * CAST(1000000000 AS DOUBLE)
                  ) + 6755399441055744
                ) - 6755399441055744
              ) / CAST(1000000000 AS DOUBLE)
              ELSE NULL
            END AS "quarterly_cv"
          FROM (
            SELECT
              "t13".*
              EXCLUDE ("customer_id_right")
            FROM (
              SELECT
                "t10"."customer_id",
                "t10"."revenue",
                "t10"."_m0",
                "t10"."_m1",
                "t10"."_m2",
                "t10"."_m3",
                "t10"."_m4",
                "t10"."_m5",
                "t10"."_m6",
                "t10"."_m7",
                "t10"."_m8",
                "t10"."_m9",
                "t10"."_m10",
                "t10"."_m11",
                "t12"."customer_id" AS "customer_id_right",
                "t12"."_orders",
                "t12"."_order_total",
                "t12"."largest_order"
              FROM (
                SELECT
                  "t6"."customer_id",
                  SUM("t6"."amount") FILTER(WHERE
                    (
                      "t6"."month" >= 0
                    ) AND (
                      "t6"."month" < 12
                    )) AS "revenue",
                  COALESCE(SUM("t6"."amount") FILTER(WHERE
                    "t6"."month" = 0), 0) AS "_m0",
                  COALESCE(SUM("t6"."amount") FILTER(WHERE
                    "t6"."month" = 1), 0) AS "_m1",
                  COALESCE(SUM("t6"."amount") FILTER(WHERE
                    "t6"."month" = 2), 0) AS "_m2",
                  COALESCE(SUM("t6"."amount") FILTER(WHERE
                    "t6"."month" = 3), 0) AS "_m3",
                  COALESCE(SUM("t6"."amount") FILTER(WHERE
                    "t6"."month" = 4), 0) AS "_m4",
                  COALESCE(SUM("t6"."amount") FILTER(WHERE
                    "t6"."month" = 5), 0) AS "_m5",
                  COALESCE(SUM("t6"."amount") FILTER(WHERE
                    "t6"."month" = 6), 0) AS "_m6",
                  COALESCE(SUM("t6"."amount") FILTER(WHERE
                    "t6"."month" = 7), 0) AS "_m7",
                  COALESCE(SUM("t6"."amount") FILTER(WHERE
                    "t6"."month" = 8), 0) AS "_m8",
                  COALESCE(SUM("t6"."amount") FILTER(WHERE
                    "t6"."month" = 9), 0) AS "_m9",
                  COALESCE(SUM("t6"."amount") FILTER(WHERE
                    "t6"."month" = 10), 0) AS "_m10",
                  COALESCE(SUM("t6"."amount") FILTER(WHERE
                    "t6"."month" = 11), 0) AS "_m11"
                FROM "t5" AS "t6"
                GROUP BY
                  1
              ) AS "t10"
              LEFT OUTER JOIN (
                SELECT
                  "t9"."customer_id",
                  COUNT(*) AS "_orders",
                  SUM("t9"."amount") AS "_order_total",
                  MAX("t9"."amount") AS "largest_order"
                FROM (
                  SELECT
                    "t7"."customer_id",
                    "t7"."order",
                    SUM("t7"."amount") AS "amount"
                  FROM (
                    SELECT
                      *
                    FROM "t5" AS "t6"
                    WHERE
                      "t6"."month" >= 0 AND "t6"."month" < 12
                  ) AS "t7"
                  GROUP BY
                    1,
                    2
                ) AS "t9"
                GROUP BY
                  1
              ) AS "t12"
                ON "t10"."customer_id" = "t12"."customer_id"
            ) AS "t13"
          ) AS "t14"
        ) AS "t16"
          ON "t3"."customer_id" = "t16"."customer_id"
      ) AS "t17"
    ) AS "t18"
  ) AS "t19"
)
SELECT
  "t31"."customer_id",
  CASE
    WHEN (
      "t31"."value" > 0
    )
    AND (
      "t31"."contribution" >= "t31"."contribution_threshold"
    )
    AND (
      "t31"."stability" >= "t31"."stability_threshold"
    )
    THEN 'EI'
    WHEN (
      "t31"."value" > 0
    )
    AND (
      "t31"."contribution" >= "t31"."contribution_threshold"
    )
    THEN 'EII'
    WHEN "t31"."stability" >= "t31"."stability_threshold"
    THEN 'EIII'
    ELSE 'EIV'
  END AS "class",
  "t31"."value",
  "t31"."rank",
  "t31"."share",
  "t31"."contribution",
  "t31"."stability",
  "t31"."active_months",
  "t31"."monthly_cv",
  "t31"."quarterly_cv",
  "t31"."largest_order",
  "t31"."contribution_threshold",
  "t31"."stability_threshold",
  CASE
    WHEN CASE
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      AND (
        "t31"."stability" >= "t31"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t31"."stability" >= "t31"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EI'
    THEN 'consolidate: long-term plan, new products on top of the old ones, be their business consultant'
    WHEN CASE
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      AND (
        "t31"."stability" >= "t31"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t31"."stability" >= "t31"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EII'
    THEN 'recover: find why they drift (trying new things, a better competitor offer, dissatisfaction), counter it, loyalty programme'
    WHEN CASE
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      AND (
        "t31"."stability" >= "t31"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t31"."stability" >= "t31"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIII'
    THEN 'promote: periodic visits, help with advertising, display and promotions'
    WHEN CASE
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      AND (
        "t31"."stability" >= "t31"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t31"."stability" >= "t31"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIV'
    THEN 'liquidate: review cost against benefit; abandon if the effort exceeds the return'
    ELSE NULL
  END AS "strategy",
  CASE
    WHEN CASE
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      AND (
        "t31"."stability" >= "t31"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t31"."stability" >= "t31"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EII'
    THEN 1
    WHEN CASE
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      AND (
        "t31"."stability" >= "t31"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t31"."stability" >= "t31"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EI'
    THEN 2
    WHEN CASE
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      AND (
        "t31"."stability" >= "t31"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t31"."stability" >= "t31"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIII'
    THEN 3
    WHEN CASE
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      AND (
        "t31"."stability" >= "t31"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t31"."stability" >= "t31"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIV'
    THEN 4
    ELSE NULL
  END AS "priority",
  CASE
    WHEN CASE
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      AND (
        "t31"."stability" >= "t31"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t31"."stability" >= "t31"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EI'
    THEN CAST(300000000000 AS DOUBLE) / 1000000000000
    WHEN CASE
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      AND (
        "t31"."stability" >= "t31"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t31"."stability" >= "t31"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EII'
    THEN CAST(350000000000 AS DOUBLE) / 1000000000000
    WHEN CASE
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      AND (
        "t31"."stability" >= "t31"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t31"."stability" >= "t31"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIII'
    THEN CAST(250000000000 AS DOUBLE) / 1000000000000
    WHEN CASE
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      AND (
        "t31"."stability" >= "t31"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t31"."value" > 0
      )
      AND (
        "t31"."contribution" >= "t31"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t31"."stability" >= "t31"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIV'
    THEN CAST(100000000000 AS DOUBLE) / 1000000000000
    ELSE NULL
  END AS "time_share"
FROM (
  SELECT
    "t21"."customer_id",
    "t21"."revenue",
    "t21"."active_months",
    "t21"."monthly_cv",
    "t21"."quarterly_cv",
    "t21"."largest_order",
    "t21"."value",
    "t21"."rank",
    "t21"."share",
    "t21"."cumulative_share",
    CAST("t21"."value" AS DOUBLE) AS "contribution",
    (
      (
        (
          (
            (
              0.0 + (
                (
                  CAST("t21"."active_months" AS DOUBLE) / 12
                ) * (
                  CAST(1000000000000 AS DOUBLE) / 1000000000000
                )
              ) + (
                CASE
                  WHEN "t21"."monthly_cv" IS NULL
                  THEN 0.0
                  ELSE 1.0 / (
                    "t21"."monthly_cv" + 1.0
                  )
                END * (
                  CAST(1000000000000 AS DOUBLE) / 1000000000000
                )
              ) + (
                CASE
                  WHEN "t21"."quarterly_cv" IS NULL
                  THEN 0.0
                  ELSE 1.0 / (
                    "t21"."quarterly_cv" + 1.0
                  )
                END * (
                  CAST(1000000000000 AS DOUBLE) / 1000000000000
                )
              ) + (
                GREATEST(
                  LEAST(
                    CASE
                      WHEN (
                        "t21"."revenue" > 0
                      ) AND (
                        "t21"."largest_order" IS NOT NULL
                      )
                      THEN 1.0 - (
                        CAST("t21"."largest_order" AS DOUBLE) / "t21"."revenue"
                      )
                      ELSE 0.0
                    END,
                    1.0
                  ),
                  0.0
                ) * (
                  CAST(1000000000000 AS DOUBLE) / 1000000000000
                )
              )
            ) / (
              CAST(4000000000000 AS DOUBLE) / 1000000000000
            )
          ) * CAST(1000000000 AS DOUBLE)
        ) + 6755399441055744
      ) - 6755399441055744
    ) / CAST(1000000000 AS DOUBLE) AS "stability",
    (
      SELECT
        AVG("t25"."v") AS "Mean(v)"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t22"."v",
            ROW_NUMBER() OVER (ORDER BY "t22"."v" ASC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) - 1 AS "_pos",
            COUNT("t22"."v") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "_n"
          FROM (
            SELECT
              CAST("t21"."value" AS DOUBLE) AS "v"
            FROM "t20" AS "t21"
            WHERE
              "t21"."value" > 0 AND CAST("t21"."value" AS DOUBLE) IS NOT NULL
          ) AS "t22"
        ) AS "t23"
        WHERE
          (
            "t23"."_pos" = CAST(FLOOR((
              "t23"."_n" - 1
            ) / (
              2
            )) AS BIGINT)
          )
          OR (
            "t23"."_pos" = CAST(FLOOR((
              "t23"."_n"
            ) / (
              2
            )) AS BIGINT)
          )
      ) AS "t25"
    ) AS "contribution_threshold",
    (
      SELECT
        AVG("t29"."v") AS "Mean(v)"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t26"."v",
            ROW_NUMBER() OVER (ORDER BY "t26"."v" ASC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) - 1 AS "_pos",
            COUNT("t26"."v") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "_n"
          FROM (
            SELECT
              *
            FROM (
              SELECT
                (
                  (
                    (
                      (
                        (
                          0.0 + (
                            (
                              CAST("t21"."active_months" AS DOUBLE) / 12
                            ) * (
                              CAST(1000000000000 AS DOUBLE) / 1000000000000
                            )
                          ) + (
                            CASE
                              WHEN "t21"."monthly_cv" IS NULL
                              THEN 0.0
                              ELSE 1.0 / (
                                "t21"."monthly_cv" + 1.0
                              )
                            END * (
                              CAST(1000000000000 AS DOUBLE) / 1000000000000
                            )
                          ) + (
                            CASE
                              WHEN "t21"."quarterly_cv" IS NULL
                              THEN 0.0
                              ELSE 1.0 / (
                                "t21"."quarterly_cv" + 1.0
                              )
                            END * (
                              CAST(1000000000000 AS DOUBLE) / 1000000000000
                            )
                          ) + (
                            GREATEST(
                              LEAST(
                                CASE
                                  WHEN (
                                    "t21"."revenue" > 0
                                  ) AND (
                                    "t21"."largest_order" IS NOT NULL
                                  )
                                  THEN 1.0 - (
                                    CAST("t21"."largest_order" AS DOUBLE) / "t21"."revenue"
                                  )
                                  ELSE 0.0
                                END,
                                1.0
                              ),
                              0.0
                            ) * (
                              CAST(1000000000000 AS DOUBLE) / 1000000000000
                            )
                          )
                        ) / (
                          CAST(4000000000000 AS DOUBLE) / 1000000000000
                        )
                      ) * CAST(1000000000 AS DOUBLE)
                    ) + 6755399441055744
                  ) - 6755399441055744
                ) / CAST(1000000000 AS DOUBLE) AS "v"
              FROM "t20" AS "t21"
              WHERE
                "t21"."value" > 0
            ) AS "t24"
            WHERE
              "t24"."v" IS NOT NULL
          ) AS "t26"
        ) AS "t28"
        WHERE
          (
            "t28"."_pos" = CAST(FLOOR((
              "t28"."_n" - 1
            ) / (
              2
            )) AS BIGINT)
          )
          OR (
            "t28"."_pos" = CAST(FLOOR((
              "t28"."_n"
            ) / (
              2
            )) AS BIGINT)
          )
      ) AS "t29"
    ) AS "stability_threshold"
  FROM "t20" AS "t21"
) AS "t31"
