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
              CAST(CAST(STRFTIME('%Y', "t1"."date") AS INTEGER) AS INTEGER) * 12
            ) + CAST(CAST(STRFTIME('%m', "t1"."date") AS INTEGER) AS INTEGER)
          ) - 1
        )
      ) - IIF(CAST(STRFTIME('%d', "t1"."date") AS INTEGER) > 30, 1, 0) AS "month"
    FROM "transactions" AS "t1"
    WHERE
      "t1"."date" > '2023-06-30' AND "t1"."date" <= '2024-06-30'
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
    IIF(
      (
        "t21"."value" > 0
      )
      AND (
        CAST(SUM("t21"."value") FILTER(WHERE
          "t21"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL) > 0
      ),
      "t21"."value" / CAST(SUM("t21"."value") FILTER(WHERE
        "t21"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL),
      0.0
    ) AS "share",
    IIF(
      CAST(SUM("t21"."value") FILTER(WHERE
        "t21"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL) > 0,
      CAST(SUM("t21"."value") FILTER(WHERE
        "t21"."value" > 0) OVER (
        ORDER BY "t21"."rank" ASC NULLS LAST
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS REAL) / CAST(SUM("t21"."value") FILTER(WHERE
        "t21"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL),
      0.0
    ) AS "cumulative_share"
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
          ORDER BY "t20"."value" DESC, "t20"."customer_id" ASC NULLS LAST
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
                    CAST("t13"."total" AS REAL) / 12
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
                          "t13"."squares" * 12
                        ) - (
                          CAST("t13"."total" AS REAL) * CAST("t13"."total" AS REAL)
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
                        CAST("t13"."total" AS REAL) / 12
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
                                      "t13"."squares" * 12
                                    ) - (
                                      CAST("t13"."total" AS REAL) * CAST("t13"."total" AS REAL)
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
                                CAST("t13"."total" AS REAL) / 12
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
                    CAST("t13"."total" AS REAL) / 4
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
                          "t16"."quarter_squares" * 4
                        ) - (
                          CAST("t13"."total" AS REAL) * CAST("t13"."total" AS REAL)
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
                        CAST("t13"."total" AS REAL) / 4
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
                                      "t16"."quarter_squares" * 4
                                    ) - (
                                      CAST("t13"."total" AS REAL) * CAST("t13"."total" AS REAL)
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
                                CAST("t13"."total" AS REAL) / 4
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
              "t8"."customer_id",
              SUM(CAST("t8"."amount" > 0 AS INTEGER)) AS "active_months",
              SUM("t8"."amount") AS "total",
              SUM(CAST("t8"."amount" AS REAL) * CAST("t8"."amount" AS REAL)) AS "squares"
            FROM "t7" AS "t8"
            GROUP BY
              1
          ) AS "t13"
          INNER JOIN (
            SELECT
              "t14"."customer_id",
              SUM(CAST("t14"."amount" AS REAL) * CAST("t14"."amount" AS REAL)) AS "quarter_squares"
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
                  CAST(FLOOR(CAST((
                    "t8"."month"
                  ) AS REAL) / (
                    3
                  )) AS INTEGER) AS "quarter"
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
                    CAST(SUM("t5"."amount") AS REAL) / CAST(COUNT(*) AS REAL)
                  ) * CAST(1000000000 AS REAL)
                ) + 6755399441055744
              ) - 6755399441055744
            ) / CAST(1000000000 AS REAL) AS "average_order",
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
                "t1"."date" > '2023-06-30' AND "t1"."date" <= '2024-06-30'
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
    THEN CAST(300000000000 AS REAL) / 1000000000000
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
    THEN CAST(350000000000 AS REAL) / 1000000000000
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
    THEN CAST(250000000000 AS REAL) / 1000000000000
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
    THEN CAST(100000000000 AS REAL) / 1000000000000
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
    CAST("t23"."value" AS REAL) AS "contribution",
    (
      (
        (
          (
            CAST((
              0.0 + (
                (
                  CAST("t23"."active_months" AS REAL) / 12
                ) * (
                  CAST(1000000000000 AS REAL) / 1000000000000
                )
              ) + (
                IIF("t23"."monthly_cv" IS NULL, 0.0, CAST(1.0 AS REAL) / (
                  "t23"."monthly_cv" + 1.0
                )) * (
                  CAST(1000000000000 AS REAL) / 1000000000000
                )
              ) + (
                IIF(
                  "t23"."quarterly_cv" IS NULL,
                  0.0,
                  CAST(1.0 AS REAL) / (
                    "t23"."quarterly_cv" + 1.0
                  )
                ) * (
                  CAST(1000000000000 AS REAL) / 1000000000000
                )
              ) + (
                MAX(
                  MIN(
                    IIF(
                      (
                        "t23"."revenue" > 0
                      ) AND (
                        "t23"."largest_order" IS NOT NULL
                      ),
                      1.0 - (
                        CAST("t23"."largest_order" AS REAL) / "t23"."revenue"
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
        AVG("t27"."v") AS "Mean(v)"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t24"."v",
            ROW_NUMBER() OVER (
              ORDER BY "t24"."v" ASC NULLS LAST
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) - 1 AS "_pos",
            COUNT("t24"."v") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "_n"
          FROM (
            SELECT
              CAST("t23"."value" AS REAL) AS "v"
            FROM "t22" AS "t23"
            WHERE
              "t23"."value" > 0 AND CAST("t23"."value" AS REAL) IS NOT NULL
          ) AS "t24"
        ) AS "t25"
        WHERE
          (
            "t25"."_pos" = CAST(FLOOR(CAST((
              "t25"."_n" - 1
            ) AS REAL) / (
              2
            )) AS INTEGER)
          )
          OR (
            "t25"."_pos" = CAST(FLOOR(CAST((
              "t25"."_n"
            ) AS REAL) / (
              2
            )) AS INTEGER)
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
            ROW_NUMBER() OVER (
              ORDER BY "t28"."v" ASC NULLS LAST
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) - 1 AS "_pos",
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
                        CAST((
                          0.0 + (
                            (
                              CAST("t23"."active_months" AS REAL) / 12
                            ) * (
                              CAST(1000000000000 AS REAL) / 1000000000000
                            )
                          ) + (
                            IIF("t23"."monthly_cv" IS NULL, 0.0, CAST(1.0 AS REAL) / (
                              "t23"."monthly_cv" + 1.0
                            )) * (
                              CAST(1000000000000 AS REAL) / 1000000000000
                            )
                          ) + (
                            IIF(
                              "t23"."quarterly_cv" IS NULL,
                              0.0,
                              CAST(1.0 AS REAL) / (
                                "t23"."quarterly_cv" + 1.0
                              )
                            ) * (
                              CAST(1000000000000 AS REAL) / 1000000000000
                            )
                          ) + (
                            MAX(
                              MIN(
                                IIF(
                                  (
                                    "t23"."revenue" > 0
                                  ) AND (
                                    "t23"."largest_order" IS NOT NULL
                                  ),
                                  1.0 - (
                                    CAST("t23"."largest_order" AS REAL) / "t23"."revenue"
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
            "t30"."_pos" = CAST(FLOOR(CAST((
              "t30"."_n" - 1
            ) AS REAL) / (
              2
            )) AS INTEGER)
          )
          OR (
            "t30"."_pos" = CAST(FLOOR(CAST((
              "t30"."_n"
            ) AS REAL) / (
              2
            )) AS INTEGER)
          )
      ) AS "t31"
    ) AS "stability_threshold"
  FROM "t22" AS "t23"
) AS "t33"
