WITH "t9" AS (
  SELECT
    *
  FROM "transactions" AS "t2"
  WHERE
    "t2"."date" > '2023-06-30' AND "t2"."date" <= '2024-06-30'
), "t24" AS (
  SELECT
    "t22"."customer_id",
    "t22"."month",
    SUM("t22"."amount_cents") AS "amount"
  FROM (
    SELECT
      "t2"."customer_id",
      "t2"."date",
      "t2"."document_id",
      "t2"."product_id",
      "t2"."units",
      "t2"."amount_cents",
      "t2"."cost_cents",
      (
        24293 - (
          (
            (
              CAST(CAST(STRFTIME('%Y', "t2"."date") AS INTEGER) AS INTEGER) * 12
            ) + CAST(CAST(STRFTIME('%m', "t2"."date") AS INTEGER) AS INTEGER)
          ) - 1
        )
      ) - IIF(CAST(STRFTIME('%d', "t2"."date") AS INTEGER) > 30, 1, 0) AS "month"
    FROM "transactions" AS "t2"
    WHERE
      "t2"."date" > '2023-06-30' AND "t2"."date" <= '2024-06-30'
  ) AS "t22"
  GROUP BY
    1,
    2
), "t41" AS (
  SELECT
    "t40"."customer_id",
    "t40"."revenue",
    "t40"."paid",
    "t40"."payments",
    "t40"."units",
    "t40"."profit",
    "t40"."orders",
    "t40"."active_months",
    "t40"."monthly_mean",
    "t40"."monthly_std",
    "t40"."monthly_cv",
    "t40"."quarterly_mean",
    "t40"."quarterly_std",
    "t40"."quarterly_cv",
    "t40"."average_order",
    "t40"."largest_order",
    "t40"."last_year_revenue",
    "t40"."previous_year_revenue",
    "t40"."third_year_revenue",
    "t40"."growth_last_year",
    "t40"."growth_year_before",
    "t40"."recency_days",
    "t40"."tenure_days",
    "t40"."value",
    "t40"."rank",
    IIF(
      (
        "t40"."value" > 0
      )
      AND (
        CAST(SUM("t40"."value") FILTER(WHERE
          "t40"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL) > 0
      ),
      "t40"."value" / CAST(SUM("t40"."value") FILTER(WHERE
        "t40"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL),
      0.0
    ) AS "share",
    IIF(
      CAST(SUM("t40"."value") FILTER(WHERE
        "t40"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL) > 0,
      CAST(SUM("t40"."value") FILTER(WHERE
        "t40"."value" > 0) OVER (
        ORDER BY "t40"."rank" ASC NULLS LAST
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS REAL) / CAST(SUM("t40"."value") FILTER(WHERE
        "t40"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL),
      0.0
    ) AS "cumulative_share"
  FROM (
    SELECT
      "t39"."customer_id",
      "t39"."revenue",
      "t39"."paid",
      "t39"."payments",
      "t39"."units",
      "t39"."profit",
      "t39"."orders",
      "t39"."active_months",
      "t39"."monthly_mean",
      "t39"."monthly_std",
      "t39"."monthly_cv",
      "t39"."quarterly_mean",
      "t39"."quarterly_std",
      "t39"."quarterly_cv",
      "t39"."average_order",
      "t39"."largest_order",
      "t39"."last_year_revenue",
      "t39"."previous_year_revenue",
      "t39"."third_year_revenue",
      "t39"."growth_last_year",
      "t39"."growth_year_before",
      "t39"."recency_days",
      "t39"."tenure_days",
      "t39"."value",
      (
        ROW_NUMBER() OVER (
          ORDER BY "t39"."value" DESC, "t39"."customer_id" ASC NULLS LAST
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1
      ) + 1 AS "rank"
    FROM (
      SELECT
        "t38"."customer_id",
        "t38"."revenue",
        "t38"."paid",
        "t38"."payments",
        "t38"."units",
        "t38"."profit",
        "t38"."orders",
        "t38"."active_months",
        "t38"."monthly_mean",
        "t38"."monthly_std",
        "t38"."monthly_cv",
        "t38"."quarterly_mean",
        "t38"."quarterly_std",
        "t38"."quarterly_cv",
        "t38"."average_order",
        "t38"."largest_order",
        "t38"."last_year_revenue",
        "t38"."previous_year_revenue",
        "t38"."third_year_revenue",
        "t38"."growth_last_year",
        "t38"."growth_year_before",
        "t38"."recency_days",
        "t38"."tenure_days",
        "t38"."revenue" AS "value"
      FROM (
        SELECT
          "t16"."customer_id",
          COALESCE("t23"."revenue", 0) AS "revenue",
          COALESCE("t23"."profit", 0) AS "profit",
          COALESCE("t23"."units", 0) AS "units",
          COALESCE("t23"."orders", 0) AS "orders",
          COALESCE("t15"."paid", 0) AS "paid",
          COALESCE("t15"."payments", 0) AS "payments",
          COALESCE("t37"."active_months", 0) AS "active_months",
          COALESCE("t37"."monthly_mean", 0) AS "monthly_mean",
          COALESCE("t37"."monthly_std", 0) AS "monthly_std",
          "t37"."monthly_cv",
          COALESCE("t37"."quarterly_mean", 0) AS "quarterly_mean",
          COALESCE("t37"."quarterly_std", 0) AS "quarterly_std",
          "t37"."quarterly_cv",
          "t28"."average_order",
          "t28"."largest_order",
          COALESCE("t33"."last_year_revenue", 0) AS "last_year_revenue",
          COALESCE("t33"."previous_year_revenue", 0) AS "previous_year_revenue",
          COALESCE("t33"."third_year_revenue", 0) AS "third_year_revenue",
          "t33"."growth_last_year",
          "t33"."growth_year_before",
          "t19"."recency_days",
          "t19"."tenure_days"
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
                  "t1"."customer_id"
                FROM "payments" AS "t1"
              ) AS "t3"
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
          ) AS "t11"
        ) AS "t16"
        LEFT OUTER JOIN (
          SELECT
            "t12"."customer_id",
            SUM("t12"."amount_cents") AS "revenue",
            SUM("t12"."amount_cents" - COALESCE("t12"."cost_cents", "t12"."amount_cents")) AS "profit",
            SUM(COALESCE("t12"."units", 0)) AS "units",
            COUNT(DISTINCT "t12"."document_id") AS "orders"
          FROM "t9" AS "t12"
          GROUP BY
            1
        ) AS "t23"
          ON "t16"."customer_id" = "t23"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t6"."customer_id",
            SUM("t6"."amount_cents") AS "paid",
            COUNT(*) AS "payments"
          FROM (
            SELECT
              *
            FROM "payments" AS "t1"
            WHERE
              "t1"."date" > '2023-06-30' AND "t1"."date" <= '2024-06-30'
          ) AS "t6"
          GROUP BY
            1
        ) AS "t15"
          ON "t16"."customer_id" = "t15"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t31"."customer_id",
            "t31"."active_months",
            (
              (
                (
                  (
                    CAST("t31"."total" AS REAL) / 12
                  ) * CAST(1000000000 AS REAL)
                ) + 6755399441055744
              ) - 6755399441055744
            ) / CAST(1000000000 AS REAL) AS "monthly_mean",
            (
              (
                (
                  SQRT(
                    MAX(
                      CAST((
                        (
                          "t31"."squares" * 12
                        ) - (
                          CAST("t31"."total" AS REAL) * CAST("t31"."total" AS REAL)
                        )
                      ) AS REAL) / 144,
                      0
                    )
                  ) * CAST(1000000000 AS REAL)
                ) + 6755399441055744
              ) - 6755399441055744
            ) / CAST(1000000000 AS REAL) AS "monthly_std",
            IIF(
              (
                (
                  (
                    (
                      (
                        CAST("t31"."total" AS REAL) / 12
                      ) * CAST(1000000000 AS REAL)
                    ) + 6755399441055744
                  ) - 6755399441055744
                ) / CAST(1000000000 AS REAL)
              ) > 0,
              (
                (
                  (
                    (
                      CAST((
                        (
                          (
                            (
                              SQRT(
                                MAX(
                                  CAST((
                                    (
                                      "t31"."squares" * 12
                                    ) - (
                                      CAST("t31"."total" AS REAL) * CAST("t31"."total" AS REAL)
                                    )
                                  ) AS REAL) / 144,
                                  0
                                )
                              ) * CAST(1000000000 AS REAL)
                            ) + 6755399441055744
                          ) - 6755399441055744
                        ) / CAST(1000000000 AS REAL)
                      ) AS REAL) / (
                        (
                          (
                            (
                              (
                                CAST("t31"."total" AS REAL) / 12
                              ) * CAST(1000000000 AS REAL)
                            ) + 6755399441055744
                          ) - 6755399441055744
                        ) / CAST(1000000000 AS REAL)
                      )
                    ) * CAST(1000000000 AS REAL)
                  ) + 6755399441055744
                ) - 6755399441055744
              ) / CAST(1000000000 AS REAL),
              NULL
            ) AS "monthly_cv",
            (
              (
                (
                  (
                    CAST("t31"."total" AS REAL) / 4
                  ) * CAST(1000000000 AS REAL)
                ) + 6755399441055744
              ) - 6755399441055744
            ) / CAST(1000000000 AS REAL) AS "quarterly_mean",
            (
              (
                (
                  SQRT(
                    MAX(
                      CAST((
                        (
                          "t35"."quarter_squares" * 4
                        ) - (
                          CAST("t31"."total" AS REAL) * CAST("t31"."total" AS REAL)
                        )
                      ) AS REAL) / 16,
                      0
                    )
                  ) * CAST(1000000000 AS REAL)
                ) + 6755399441055744
              ) - 6755399441055744
            ) / CAST(1000000000 AS REAL) AS "quarterly_std",
            IIF(
              (
                (
                  (
                    (
                      (
                        CAST("t31"."total" AS REAL) / 4
                      ) * CAST(1000000000 AS REAL)
                    ) + 6755399441055744
                  ) - 6755399441055744
                ) / CAST(1000000000 AS REAL)
              ) > 0,
              (
                (
                  (
                    (
                      CAST((
                        (
                          (
                            (
                              SQRT(
                                MAX(
                                  CAST((
                                    (
                                      "t35"."quarter_squares" * 4
                                    ) - (
                                      CAST("t31"."total" AS REAL) * CAST("t31"."total" AS REAL)
                                    )
                                  ) AS REAL) / 16,
                                  0
                                )
                              ) * CAST(1000000000 AS REAL)
                            ) + 6755399441055744
                          ) - 6755399441055744
                        ) / CAST(1000000000 AS REAL)
                      ) AS REAL) / (
                        (
                          (
                            (
                              (
                                CAST("t31"."total" AS REAL) / 4
                              ) * CAST(1000000000 AS REAL)
                            ) + 6755399441055744
                          ) - 6755399441055744
                        ) / CAST(1000000000 AS REAL)
                      )
                    ) * CAST(1000000000 AS REAL)
                  ) + 6755399441055744
                ) - 6755399441055744
              ) / CAST(1000000000 AS REAL),
              NULL
            ) AS "quarterly_cv"
          FROM (
            SELECT
              "t25"."customer_id",
              SUM(CAST("t25"."amount" > 0 AS INTEGER)) AS "active_months",
              SUM("t25"."amount") AS "total",
              SUM(CAST("t25"."amount" AS REAL) * CAST("t25"."amount" AS REAL)) AS "squares"
            FROM "t24" AS "t25"
            GROUP BY
              1
          ) AS "t31"
          INNER JOIN (
            SELECT
              "t32"."customer_id",
              SUM(CAST("t32"."amount" AS REAL) * CAST("t32"."amount" AS REAL)) AS "quarter_squares"
            FROM (
              SELECT
                "t27"."customer_id",
                "t27"."quarter",
                SUM("t27"."amount") AS "amount"
              FROM (
                SELECT
                  "t25"."customer_id",
                  "t25"."month",
                  "t25"."amount",
                  CAST(FLOOR(CAST((
                    "t25"."month"
                  ) AS REAL) / (
                    3
                  )) AS INTEGER) AS "quarter"
                FROM "t24" AS "t25"
              ) AS "t27"
              GROUP BY
                1,
                2
            ) AS "t32"
            GROUP BY
              1
          ) AS "t35"
            ON "t31"."customer_id" = "t35"."customer_id"
        ) AS "t37"
          ON "t16"."customer_id" = "t37"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t17"."customer_id",
            (
              (
                (
                  (
                    CAST(SUM("t17"."amount") AS REAL) / CAST(COUNT(*) AS REAL)
                  ) * CAST(1000000000 AS REAL)
                ) + 6755399441055744
              ) - 6755399441055744
            ) / CAST(1000000000 AS REAL) AS "average_order",
            MAX("t17"."amount") AS "largest_order"
          FROM (
            SELECT
              "t12"."customer_id",
              "t12"."document_id",
              SUM("t12"."amount_cents") AS "amount"
            FROM "t9" AS "t12"
            GROUP BY
              1,
              2
          ) AS "t17"
          GROUP BY
            1
        ) AS "t28"
          ON "t16"."customer_id" = "t28"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t21"."customer_id",
            "t21"."last_year_revenue",
            "t21"."previous_year_revenue",
            "t21"."third_year_revenue",
            IIF(
              "t21"."previous_year_revenue" > 0,
              (
                (
                  (
                    (
                      CAST("t21"."last_year_revenue" - "t21"."previous_year_revenue" AS REAL) / CAST("t21"."previous_year_revenue" AS REAL)
                    ) * CAST(1000000000 AS REAL)
                  ) + 6755399441055744
                ) - 6755399441055744
              ) / CAST(1000000000 AS REAL),
              NULL
            ) AS "growth_last_year",
            IIF(
              "t21"."third_year_revenue" > 0,
              (
                (
                  (
                    (
                      CAST("t21"."previous_year_revenue" - "t21"."third_year_revenue" AS REAL) / CAST("t21"."third_year_revenue" AS REAL)
                    ) * CAST(1000000000 AS REAL)
                  ) + 6755399441055744
                ) - 6755399441055744
              ) / CAST(1000000000 AS REAL),
              NULL
            ) AS "growth_year_before"
          FROM (
            SELECT
              "t10"."customer_id",
              COALESCE(
                SUM("t10"."amount_cents") FILTER(WHERE
                  (
                    "t10"."date" > '2023-06-30'
                  ) AND (
                    "t10"."date" <= '2024-06-30'
                  )),
                0
              ) AS "last_year_revenue",
              COALESCE(
                SUM("t10"."amount_cents") FILTER(WHERE
                  (
                    "t10"."date" > '2022-06-30'
                  ) AND (
                    "t10"."date" <= '2023-06-30'
                  )),
                0
              ) AS "previous_year_revenue",
              COALESCE(
                SUM("t10"."amount_cents") FILTER(WHERE
                  (
                    "t10"."date" > '2021-06-30'
                  ) AND (
                    "t10"."date" <= '2022-06-30'
                  )),
                0
              ) AS "third_year_revenue"
            FROM (
              SELECT
                *
              FROM "transactions" AS "t2"
              WHERE
                "t2"."date" > '2021-06-30' AND "t2"."date" <= '2024-06-30'
            ) AS "t10"
            GROUP BY
              1
          ) AS "t21"
        ) AS "t33"
          ON "t16"."customer_id" = "t33"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t8"."customer_id",
            19904 - MAX(_IBIS_DATE_DELTA("t8"."date", DATE(PRINTF('%04d-%02d-%02d', 1970, 1, 1)))) AS "recency_days",
            19904 - MIN(_IBIS_DATE_DELTA("t8"."date", DATE(PRINTF('%04d-%02d-%02d', 1970, 1, 1)))) AS "tenure_days"
          FROM (
            SELECT
              *
            FROM "transactions" AS "t2"
            WHERE
              "t2"."date" <= '2024-06-30'
          ) AS "t8"
          GROUP BY
            1
        ) AS "t19"
          ON "t16"."customer_id" = "t19"."customer_id"
      ) AS "t38"
    ) AS "t39"
  ) AS "t40"
)
SELECT
  "t52"."customer_id",
  CASE
    WHEN (
      "t52"."value" > 0
    )
    AND (
      "t52"."contribution" >= "t52"."contribution_threshold"
    )
    AND (
      "t52"."stability" >= "t52"."stability_threshold"
    )
    THEN 'EI'
    WHEN (
      "t52"."value" > 0
    )
    AND (
      "t52"."contribution" >= "t52"."contribution_threshold"
    )
    THEN 'EII'
    WHEN "t52"."stability" >= "t52"."stability_threshold"
    THEN 'EIII'
    ELSE 'EIV'
  END AS "class",
  "t52"."value",
  "t52"."rank",
  "t52"."share",
  "t52"."contribution",
  "t52"."stability",
  "t52"."active_months",
  "t52"."monthly_cv",
  "t52"."quarterly_cv",
  "t52"."largest_order",
  "t52"."contribution_threshold",
  "t52"."stability_threshold",
  CASE
    WHEN CASE
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      AND (
        "t52"."stability" >= "t52"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t52"."stability" >= "t52"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EI'
    THEN 'consolidate: long-term plan, new products on top of the old ones, be their business consultant'
    WHEN CASE
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      AND (
        "t52"."stability" >= "t52"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t52"."stability" >= "t52"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EII'
    THEN 'recover: find why they drift (trying new things, a better competitor offer, dissatisfaction), counter it, loyalty programme'
    WHEN CASE
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      AND (
        "t52"."stability" >= "t52"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t52"."stability" >= "t52"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIII'
    THEN 'promote: periodic visits, help with advertising, display and promotions'
    WHEN CASE
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      AND (
        "t52"."stability" >= "t52"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t52"."stability" >= "t52"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIV'
    THEN 'liquidate: review cost against benefit; abandon if the effort exceeds the return'
    ELSE NULL
  END AS "strategy",
  CASE
    WHEN CASE
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      AND (
        "t52"."stability" >= "t52"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t52"."stability" >= "t52"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EII'
    THEN 1
    WHEN CASE
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      AND (
        "t52"."stability" >= "t52"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t52"."stability" >= "t52"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EI'
    THEN 2
    WHEN CASE
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      AND (
        "t52"."stability" >= "t52"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t52"."stability" >= "t52"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIII'
    THEN 3
    WHEN CASE
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      AND (
        "t52"."stability" >= "t52"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t52"."stability" >= "t52"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIV'
    THEN 4
    ELSE NULL
  END AS "priority",
  CASE
    WHEN CASE
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      AND (
        "t52"."stability" >= "t52"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t52"."stability" >= "t52"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EI'
    THEN CAST(300000000000 AS REAL) / 1000000000000
    WHEN CASE
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      AND (
        "t52"."stability" >= "t52"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t52"."stability" >= "t52"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EII'
    THEN CAST(350000000000 AS REAL) / 1000000000000
    WHEN CASE
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      AND (
        "t52"."stability" >= "t52"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t52"."stability" >= "t52"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIII'
    THEN CAST(250000000000 AS REAL) / 1000000000000
    WHEN CASE
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      AND (
        "t52"."stability" >= "t52"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t52"."value" > 0
      )
      AND (
        "t52"."contribution" >= "t52"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t52"."stability" >= "t52"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIV'
    THEN CAST(100000000000 AS REAL) / 1000000000000
    ELSE NULL
  END AS "time_share"
FROM (
  SELECT
    "t42"."customer_id",
    "t42"."revenue",
    "t42"."paid",
    "t42"."payments",
    "t42"."units",
    "t42"."profit",
    "t42"."orders",
    "t42"."active_months",
    "t42"."monthly_mean",
    "t42"."monthly_std",
    "t42"."monthly_cv",
    "t42"."quarterly_mean",
    "t42"."quarterly_std",
    "t42"."quarterly_cv",
    "t42"."average_order",
    "t42"."largest_order",
    "t42"."last_year_revenue",
    "t42"."previous_year_revenue",
    "t42"."third_year_revenue",
    "t42"."growth_last_year",
    "t42"."growth_year_before",
    "t42"."recency_days",
    "t42"."tenure_days",
    "t42"."value",
    "t42"."rank",
    "t42"."share",
    "t42"."cumulative_share",
    CAST("t42"."value" AS REAL) AS "contribution",
    (
      (
        (
          (
            CAST((
              0.0 + (
                (
                  CAST("t42"."active_months" AS REAL) / 12
                ) * (
                  CAST(1000000000000 AS REAL) / 1000000000000
                )
              ) + (
                IIF("t42"."monthly_cv" IS NULL, 0.0, CAST(1.0 AS REAL) / (
                  "t42"."monthly_cv" + 1.0
                )) * (
                  CAST(1000000000000 AS REAL) / 1000000000000
                )
              ) + (
                IIF(
                  "t42"."quarterly_cv" IS NULL,
                  0.0,
                  CAST(1.0 AS REAL) / (
                    "t42"."quarterly_cv" + 1.0
                  )
                ) * (
                  CAST(1000000000000 AS REAL) / 1000000000000
                )
              ) + (
                MAX(
                  MIN(
                    IIF(
                      (
                        "t42"."revenue" > 0
                      ) AND (
                        "t42"."largest_order" IS NOT NULL
                      ),
                      1.0 - (
                        CAST("t42"."largest_order" AS REAL) / "t42"."revenue"
                      ),
                      0.0
                    ),
                    1.0
                  ),
                  0.0
                ) * (
                  CAST(1000000000000 AS REAL) / 1000000000000
                )
              )
            ) AS REAL) / (
              CAST(4000000000000 AS REAL) / 1000000000000
            )
          ) * CAST(1000000000 AS REAL)
        ) + 6755399441055744
      ) - 6755399441055744
    ) / CAST(1000000000 AS REAL) AS "stability",
    (
      SELECT
        AVG("t46"."v") AS "Mean(v)"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t43"."v",
            ROW_NUMBER() OVER (
              ORDER BY "t43"."v" ASC NULLS LAST
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) - 1 AS "_pos",
            COUNT("t43"."v") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "_n"
          FROM (
            SELECT
              CAST("t42"."value" AS REAL) AS "v"
            FROM "t41" AS "t42"
            WHERE
              "t42"."value" > 0 AND CAST("t42"."value" AS REAL) IS NOT NULL
          ) AS "t43"
        ) AS "t44"
        WHERE
          (
            "t44"."_pos" = CAST(FLOOR(CAST((
              "t44"."_n" - 1
            ) AS REAL) / (
              2
            )) AS INTEGER)
          )
          OR (
            "t44"."_pos" = CAST(FLOOR(CAST((
              "t44"."_n"
            ) AS REAL) / (
              2
            )) AS INTEGER)
          )
      ) AS "t46"
    ) AS "contribution_threshold",
    (
      SELECT
        AVG("t50"."v") AS "Mean(v)"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t47"."v",
            ROW_NUMBER() OVER (
              ORDER BY "t47"."v" ASC NULLS LAST
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) - 1 AS "_pos",
            COUNT("t47"."v") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "_n"
          FROM (
            SELECT
              *
            FROM (
              SELECT
                (
                  (
                    (
                      (
                        CAST((
                          0.0 + (
                            (
                              CAST("t42"."active_months" AS REAL) / 12
                            ) * (
                              CAST(1000000000000 AS REAL) / 1000000000000
                            )
                          ) + (
                            IIF("t42"."monthly_cv" IS NULL, 0.0, CAST(1.0 AS REAL) / (
                              "t42"."monthly_cv" + 1.0
                            )) * (
                              CAST(1000000000000 AS REAL) / 1000000000000
                            )
                          ) + (
                            IIF(
                              "t42"."quarterly_cv" IS NULL,
                              0.0,
                              CAST(1.0 AS REAL) / (
                                "t42"."quarterly_cv" + 1.0
                              )
                            ) * (
                              CAST(1000000000000 AS REAL) / 1000000000000
                            )
                          ) + (
                            MAX(
                              MIN(
                                IIF(
                                  (
                                    "t42"."revenue" > 0
                                  ) AND (
                                    "t42"."largest_order" IS NOT NULL
                                  ),
                                  1.0 - (
                                    CAST("t42"."largest_order" AS REAL) / "t42"."revenue"
                                  ),
                                  0.0
                                ),
                                1.0
                              ),
                              0.0
                            ) * (
                              CAST(1000000000000 AS REAL) / 1000000000000
                            )
                          )
                        ) AS REAL) / (
                          CAST(4000000000000 AS REAL) / 1000000000000
                        )
                      ) * CAST(1000000000 AS REAL)
                    ) + 6755399441055744
                  ) - 6755399441055744
                ) / CAST(1000000000 AS REAL) AS "v"
              FROM "t41" AS "t42"
              WHERE
                "t42"."value" > 0
            ) AS "t45"
            WHERE
              "t45"."v" IS NOT NULL
          ) AS "t47"
        ) AS "t49"
        WHERE
          (
            "t49"."_pos" = CAST(FLOOR(CAST((
              "t49"."_n" - 1
            ) AS REAL) / (
              2
            )) AS INTEGER)
          )
          OR (
            "t49"."_pos" = CAST(FLOOR(CAST((
              "t49"."_n"
            ) AS REAL) / (
              2
            )) AS INTEGER)
          )
      ) AS "t50"
    ) AS "stability_threshold"
  FROM "t41" AS "t42"
) AS "t52"
