WITH "t7" AS (
  SELECT
    "t6"."customer_id",
    "t6"."month",
    SUM("t6"."amount_cents") AS "amount"
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
  ) AS "t6"
  GROUP BY
    1,
    2
), "t22" AS (
  SELECT
    "t21"."customer_id",
    "t21"."revenue",
    "t21"."active_months",
    "t21"."monthly_cv",
    "t21"."quarterly_cv",
    "t21"."largest_order",
    "t21"."value",
    "t21"."rank",
    CASE
      WHEN (
        "t21"."value" > 0
      )
      AND (
        CAST(SUM("t21"."value") FILTER(WHERE
          "t21"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE) > 0
      )
      THEN "t21"."value" / CAST(SUM("t21"."value") FILTER(WHERE
        "t21"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE)
      ELSE 0.0
    END AS "share",
    CASE
      WHEN CAST(SUM("t21"."value") FILTER(WHERE
        "t21"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE) > 0
      THEN CAST(SUM("t21"."value") FILTER(WHERE
        "t21"."value" > 0) OVER (ORDER BY "t21"."rank" ASC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE) / CAST(SUM("t21"."value") FILTER(WHERE
        "t21"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE)
      ELSE 0.0
    END AS "cumulative_share"
  FROM (
    SELECT
      "t20"."customer_id",
      "t20"."revenue",
      "t20"."active_months",
      "t20"."monthly_cv",
      "t20"."quarterly_cv",
      "t20"."largest_order",
      "t20"."value",
      (
        ROW_NUMBER() OVER (
          ORDER BY "t20"."value" DESC, "t20"."customer_id" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1
      ) + 1 AS "rank"
    FROM (
      SELECT
        "t19"."customer_id",
        "t19"."revenue",
        "t19"."active_months",
        "t19"."monthly_cv",
        "t19"."quarterly_cv",
        "t19"."largest_order",
        "t19"."revenue" AS "value"
      FROM (
        SELECT
          "t4"."customer_id",
          COALESCE("t18"."revenue", 0) AS "revenue",
          COALESCE("t18"."active_months", 0) AS "active_months",
          COALESCE("t18"."monthly_mean", 0) AS "monthly_mean",
          COALESCE("t18"."monthly_std", 0) AS "monthly_std",
          "t18"."monthly_cv",
          COALESCE("t18"."quarterly_mean", 0) AS "quarterly_mean",
          COALESCE("t18"."quarterly_std", 0) AS "quarterly_std",
          "t18"."quarterly_cv",
          "t10"."average_order",
          "t10"."largest_order"
        FROM (
          SELECT DISTINCT
            "t0"."id" AS "customer_id"
          FROM "customers" AS "t0"
          WHERE
            "t0"."status" <> 'prospect'
        ) AS "t4"
        LEFT OUTER JOIN (
          SELECT
            "t13"."customer_id",
            "t13"."total" AS "revenue",
            "t13"."active_months",
            (
              (
                (
                  (
                    CAST("t13"."total" AS DOUBLE) / 12
                  ) * CAST(1000000000 AS DOUBLE)
                ) + 6755399441055744
              ) - 6755399441055744
            ) / CAST(1000000000 AS DOUBLE) AS "monthly_mean",
            (
              (
                (
                  SQRT(
                    GREATEST(
                      (
                        (
                          "t13"."squares" * 12
                        ) - (
                          CAST("t13"."total" AS DOUBLE) * CAST("t13"."total" AS DOUBLE)
                        )
                      ) / 144,
                      0
                    )
                  ) * CAST(1000000000 AS DOUBLE)
                ) + 6755399441055744
              ) - 6755399441055744
            ) / CAST(1000000000 AS DOUBLE) AS "monthly_std",
            CASE
              WHEN (
                (
                  (
                    (
                      (
                        CAST("t13"."total" AS DOUBLE) / 12
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
                                      "t13"."squares" * 12
                                    ) - (
                                      CAST("t13"."total" AS DOUBLE) * CAST("t13"."total" AS DOUBLE)
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
                                CAST("t13"."total" AS DOUBLE) / 12
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
            (
              (
                (
                  (
                    CAST("t13"."total" AS DOUBLE) / 4
                  ) * CAST(1000000000 AS DOUBLE)
                ) + 6755399441055744
              ) - 6755399441055744
            ) / CAST(1000000000 AS DOUBLE) AS "quarterly_mean",
            (
              (
                (
                  SQRT(
                    GREATEST(
                      (
                        (
                          "t16"."quarter_squares" * 4
                        ) - (
                          CAST("t13"."total" AS DOUBLE) * CAST("t13"."total" AS DOUBLE)
                        )
                      ) / 16,
                      0
                    )
                  ) * CAST(1000000000 AS DOUBLE)
                ) + 6755399441055744
              ) - 6755399441055744
            ) / CAST(1000000000 AS DOUBLE) AS "quarterly_std",
            CASE
              WHEN (
                (
                  (
                    (
                      (
                        CAST("t13"."total" AS DOUBLE) / 4
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
                                      "t16"."quarter_squares" * 4
                                    ) - (
                                      CAST("t13"."total" AS DOUBLE) * CAST("t13"."total" AS DOUBLE)
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
                                CAST("t13"."total" AS DOUBLE) / 4
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
              "t8"."customer_id",
              SUM(CAST("t8"."amount" > 0 AS INT)) AS "active_months",
              SUM("t8"."amount") AS "total",
              SUM(CAST("t8"."amount" AS DOUBLE) * CAST("t8"."amount" AS DOUBLE)) AS "squares"
            FROM "t7" AS "t8"
            GROUP BY
              1
          ) AS "t13"
          INNER JOIN (
            SELECT
              "t14"."customer_id",
              SUM(CAST("t14"."amount" AS DOUBLE) * CAST("t14"."amount" AS DOUBLE)) AS "quarter_squares"
            FROM (
              SELECT
                "t11"."customer_id",
                "t11"."quarter",
                SUM("t11"."amount") AS "amount"
              FROM (
                SELECT
                  "t8"."customer_id",
                  "t8"."month",
                  "t8"."amount",
                  CAST(FLOOR((
                    "t8"."month"
                  ) / (
                    3
                  )) AS BIGINT) AS "quarter"
                FROM "t7" AS "t8"
              ) AS "t11"
              GROUP BY
                1,
                2
            ) AS "t14"
            GROUP BY
              1
          ) AS "t16"
            ON "t13"."customer_id" = "t16"."customer_id"
        ) AS "t18"
          ON "t4"."customer_id" = "t18"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t5"."customer_id",
            (
              (
                (
                  (
                    CAST(SUM("t5"."amount") AS DOUBLE) / CAST(COUNT(*) AS DOUBLE)
                  ) * CAST(1000000000 AS DOUBLE)
                ) + 6755399441055744
              ) - 6755399441055744
            ) / CAST(1000000000 AS DOUBLE) AS "average_order",
            MAX("t5"."amount") AS "largest_order"
          FROM (
            SELECT
              "t3"."customer_id",
              "t3"."document_id",
              SUM("t3"."amount_cents") AS "amount"
            FROM (
              SELECT
                *
              FROM "transactions" AS "t1"
              WHERE
                "t1"."date" > MAKE_DATE(2023, 6, 30) AND "t1"."date" <= MAKE_DATE(2024, 6, 30)
            ) AS "t3"
            GROUP BY
              1,
              2
          ) AS "t5"
          GROUP BY
            1
        ) AS "t10"
          ON "t4"."customer_id" = "t10"."customer_id"
      ) AS "t19"
    ) AS "t20"
  ) AS "t21"
)
SELECT
  "t33"."customer_id",
  CASE
    WHEN (
      "t33"."value" > 0
    )
    AND (
      "t33"."contribution" >= "t33"."contribution_threshold"
    )
    AND (
      "t33"."stability" >= "t33"."stability_threshold"
    )
    THEN 'EI'
    WHEN (
      "t33"."value" > 0
    )
    AND (
      "t33"."contribution" >= "t33"."contribution_threshold"
    )
    THEN 'EII'
    WHEN "t33"."stability" >= "t33"."stability_threshold"
    THEN 'EIII'
    ELSE 'EIV'
  END AS "class",
  "t33"."value",
  "t33"."rank",
  "t33"."share",
  "t33"."contribution",
  "t33"."stability",
  "t33"."active_months",
  "t33"."monthly_cv",
  "t33"."quarterly_cv",
  "t33"."largest_order",
  "t33"."contribution_threshold",
  "t33"."stability_threshold",
  CASE
    WHEN CASE
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      AND (
        "t33"."stability" >= "t33"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t33"."stability" >= "t33"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EI'
    THEN 'consolidate: long-term plan, new products on top of the old ones, be their business consultant'
    WHEN CASE
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      AND (
        "t33"."stability" >= "t33"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t33"."stability" >= "t33"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EII'
    THEN 'recover: find why they drift (trying new things, a better competitor offer, dissatisfaction), counter it, loyalty programme'
    WHEN CASE
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      AND (
        "t33"."stability" >= "t33"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t33"."stability" >= "t33"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIII'
    THEN 'promote: periodic visits, help with advertising, display and promotions'
    WHEN CASE
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      AND (
        "t33"."stability" >= "t33"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t33"."stability" >= "t33"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIV'
    THEN 'liquidate: review cost against benefit; abandon if the effort exceeds the return'
    ELSE NULL
  END AS "strategy",
  CASE
    WHEN CASE
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      AND (
        "t33"."stability" >= "t33"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t33"."stability" >= "t33"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EII'
    THEN 1
    WHEN CASE
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      AND (
        "t33"."stability" >= "t33"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t33"."stability" >= "t33"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EI'
    THEN 2
    WHEN CASE
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      AND (
        "t33"."stability" >= "t33"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t33"."stability" >= "t33"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIII'
    THEN 3
    WHEN CASE
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      AND (
        "t33"."stability" >= "t33"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t33"."stability" >= "t33"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIV'
    THEN 4
    ELSE NULL
  END AS "priority",
  CASE
    WHEN CASE
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      AND (
        "t33"."stability" >= "t33"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t33"."stability" >= "t33"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EI'
    THEN CAST(300000000000 AS DOUBLE) / 1000000000000
    WHEN CASE
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      AND (
        "t33"."stability" >= "t33"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t33"."stability" >= "t33"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EII'
    THEN CAST(350000000000 AS DOUBLE) / 1000000000000
    WHEN CASE
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      AND (
        "t33"."stability" >= "t33"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t33"."stability" >= "t33"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIII'
    THEN CAST(250000000000 AS DOUBLE) / 1000000000000
    WHEN CASE
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      AND (
        "t33"."stability" >= "t33"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t33"."value" > 0
      )
      AND (
        "t33"."contribution" >= "t33"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t33"."stability" >= "t33"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIV'
    THEN CAST(100000000000 AS DOUBLE) / 1000000000000
    ELSE NULL
  END AS "time_share"
FROM (
  SELECT
    "t23"."customer_id",
    "t23"."revenue",
    "t23"."active_months",
    "t23"."monthly_cv",
    "t23"."quarterly_cv",
    "t23"."largest_order",
    "t23"."value",
    "t23"."rank",
    "t23"."share",
    "t23"."cumulative_share",
    CAST("t23"."value" AS DOUBLE) AS "contribution",
    (
      (
        (
          (
            (
              0.0 + (
                (
                  CAST("t23"."active_months" AS DOUBLE) / 12
                ) * (
                  CAST(1000000000000 AS DOUBLE) / 1000000000000
                )
              ) + (
                CASE
                  WHEN "t23"."monthly_cv" IS NULL
                  THEN 0.0
                  ELSE 1.0 / (
                    "t23"."monthly_cv" + 1.0
                  )
                END * (
                  CAST(1000000000000 AS DOUBLE) / 1000000000000
                )
              ) + (
                CASE
                  WHEN "t23"."quarterly_cv" IS NULL
                  THEN 0.0
                  ELSE 1.0 / (
                    "t23"."quarterly_cv" + 1.0
                  )
                END * (
                  CAST(1000000000000 AS DOUBLE) / 1000000000000
                )
              ) + (
                GREATEST(
                  LEAST(
                    CASE
                      WHEN (
                        "t23"."revenue" > 0
                      ) AND (
                        "t23"."largest_order" IS NOT NULL
                      )
                      THEN 1.0 - (
                        CAST("t23"."largest_order" AS DOUBLE) / "t23"."revenue"
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
        AVG("t27"."v") AS "Mean(v)"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t24"."v",
            ROW_NUMBER() OVER (ORDER BY "t24"."v" ASC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) - 1 AS "_pos",
            COUNT("t24"."v") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "_n"
          FROM (
            SELECT
              CAST("t23"."value" AS DOUBLE) AS "v"
            FROM "t22" AS "t23"
            WHERE
              "t23"."value" > 0 AND CAST("t23"."value" AS DOUBLE) IS NOT NULL
          ) AS "t24"
        ) AS "t25"
        WHERE
          (
            "t25"."_pos" = CAST(FLOOR((
              "t25"."_n" - 1
            ) / (
              2
            )) AS BIGINT)
          )
          OR (
            "t25"."_pos" = CAST(FLOOR((
              "t25"."_n"
            ) / (
              2
            )) AS BIGINT)
          )
      ) AS "t27"
    ) AS "contribution_threshold",
    (
      SELECT
        AVG("t31"."v") AS "Mean(v)"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t28"."v",
            ROW_NUMBER() OVER (ORDER BY "t28"."v" ASC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) - 1 AS "_pos",
            COUNT("t28"."v") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "_n"
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
                              CAST("t23"."active_months" AS DOUBLE) / 12
                            ) * (
                              CAST(1000000000000 AS DOUBLE) / 1000000000000
                            )
                          ) + (
                            CASE
                              WHEN "t23"."monthly_cv" IS NULL
                              THEN 0.0
                              ELSE 1.0 / (
                                "t23"."monthly_cv" + 1.0
                              )
                            END * (
                              CAST(1000000000000 AS DOUBLE) / 1000000000000
                            )
                          ) + (
                            CASE
                              WHEN "t23"."quarterly_cv" IS NULL
                              THEN 0.0
                              ELSE 1.0 / (
                                "t23"."quarterly_cv" + 1.0
                              )
                            END * (
                              CAST(1000000000000 AS DOUBLE) / 1000000000000
                            )
                          ) + (
                            GREATEST(
                              LEAST(
                                CASE
                                  WHEN (
                                    "t23"."revenue" > 0
                                  ) AND (
                                    "t23"."largest_order" IS NOT NULL
                                  )
                                  THEN 1.0 - (
                                    CAST("t23"."largest_order" AS DOUBLE) / "t23"."revenue"
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
              FROM "t22" AS "t23"
              WHERE
                "t23"."value" > 0
            ) AS "t26"
            WHERE
              "t26"."v" IS NOT NULL
          ) AS "t28"
        ) AS "t30"
        WHERE
          (
            "t30"."_pos" = CAST(FLOOR((
              "t30"."_n" - 1
            ) / (
              2
            )) AS BIGINT)
          )
          OR (
            "t30"."_pos" = CAST(FLOOR((
              "t30"."_n"
            ) / (
              2
            )) AS BIGINT)
          )
      ) AS "t31"
    ) AS "stability_threshold"
  FROM "t22" AS "t23"
) AS "t33"
