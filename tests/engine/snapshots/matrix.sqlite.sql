WITH "t3" AS (
  SELECT
    *
  FROM "transactions" AS "t1"
  WHERE
    "t1"."date" > '2023-06-30' AND "t1"."date" <= '2024-06-30'
), "t10" AS (
  SELECT
    "t9"."customer_id",
    "t9"."month",
    SUM("t9"."amount_cents") AS "amount"
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
  ) AS "t9"
  GROUP BY
    1,
    2
), "t25" AS (
  SELECT
    "t24"."customer_id",
    "t24"."revenue",
    "t24"."active_months",
    "t24"."monthly_cv",
    "t24"."quarterly_cv",
    "t24"."largest_order",
    "t24"."value",
    "t24"."rank",
    IIF(
      (
        "t24"."value" > 0
      )
      AND (
        CAST(SUM("t24"."value") FILTER(WHERE
          "t24"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL) > 0
      ),
      "t24"."value" / CAST(SUM("t24"."value") FILTER(WHERE
        "t24"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL),
      0.0
    ) AS "share",
    IIF(
      CAST(SUM("t24"."value") FILTER(WHERE
        "t24"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL) > 0,
      CAST(SUM("t24"."value") FILTER(WHERE
        "t24"."value" > 0) OVER (
        ORDER BY "t24"."rank" ASC NULLS LAST
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS REAL) / CAST(SUM("t24"."value") FILTER(WHERE
        "t24"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL),
      0.0
    ) AS "cumulative_share"
  FROM (
    SELECT
      "t23"."customer_id",
      "t23"."revenue",
      "t23"."active_months",
      "t23"."monthly_cv",
      "t23"."quarterly_cv",
      "t23"."largest_order",
      "t23"."value",
      (
        ROW_NUMBER() OVER (
          ORDER BY "t23"."value" DESC, "t23"."customer_id" ASC NULLS LAST
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1
      ) + 1 AS "rank"
    FROM (
      SELECT
        "t22"."customer_id",
        "t22"."revenue",
        "t22"."active_months",
        "t22"."monthly_cv",
        "t22"."quarterly_cv",
        "t22"."largest_order",
        "t22"."revenue" AS "value"
      FROM (
        SELECT
          "t4"."customer_id",
          COALESCE("t8"."revenue", 0) AS "revenue",
          COALESCE("t21"."active_months", 0) AS "active_months",
          COALESCE("t21"."monthly_mean", 0) AS "monthly_mean",
          COALESCE("t21"."monthly_std", 0) AS "monthly_std",
          "t21"."monthly_cv",
          COALESCE("t21"."quarterly_mean", 0) AS "quarterly_mean",
          COALESCE("t21"."quarterly_std", 0) AS "quarterly_std",
          "t21"."quarterly_cv",
          "t14"."average_order",
          "t14"."largest_order"
        FROM (
          SELECT DISTINCT
            "t0"."id" AS "customer_id"
          FROM "customers" AS "t0"
          WHERE
            "t0"."status" <> 'prospect'
        ) AS "t4"
        LEFT OUTER JOIN (
          SELECT
            "t5"."customer_id",
            SUM("t5"."amount_cents") AS "revenue"
          FROM "t3" AS "t5"
          GROUP BY
            1
        ) AS "t8"
          ON "t4"."customer_id" = "t8"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t16"."customer_id",
            "t16"."active_months",
            (
              (
                (
                  (
                    CAST("t16"."total" AS REAL) / 12
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
                          "t16"."squares" * 12
                        ) - (
                          CAST("t16"."total" AS REAL) * CAST("t16"."total" AS REAL)
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
                        CAST("t16"."total" AS REAL) / 12
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
                                      "t16"."squares" * 12
                                    ) - (
                                      CAST("t16"."total" AS REAL) * CAST("t16"."total" AS REAL)
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
                                CAST("t16"."total" AS REAL) / 12
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
                    CAST("t16"."total" AS REAL) / 4
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
                          "t19"."quarter_squares" * 4
                        ) - (
                          CAST("t16"."total" AS REAL) * CAST("t16"."total" AS REAL)
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
                        CAST("t16"."total" AS REAL) / 4
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
                                      "t19"."quarter_squares" * 4
                                    ) - (
                                      CAST("t16"."total" AS REAL) * CAST("t16"."total" AS REAL)
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
                                CAST("t16"."total" AS REAL) / 4
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
              "t11"."customer_id",
              SUM(CAST("t11"."amount" > 0 AS INTEGER)) AS "active_months",
              SUM("t11"."amount") AS "total",
              SUM(CAST("t11"."amount" AS REAL) * CAST("t11"."amount" AS REAL)) AS "squares"
            FROM "t10" AS "t11"
            GROUP BY
              1
          ) AS "t16"
          INNER JOIN (
            SELECT
              "t17"."customer_id",
              SUM(CAST("t17"."amount" AS REAL) * CAST("t17"."amount" AS REAL)) AS "quarter_squares"
            FROM (
              SELECT
                "t13"."customer_id",
                "t13"."quarter",
                SUM("t13"."amount") AS "amount"
              FROM (
                SELECT
                  "t11"."customer_id",
                  "t11"."month",
                  "t11"."amount",
                  CAST(FLOOR(CAST((
                    "t11"."month"
                  ) AS REAL) / (
                    3
                  )) AS INTEGER) AS "quarter"
                FROM "t10" AS "t11"
              ) AS "t13"
              GROUP BY
                1,
                2
            ) AS "t17"
            GROUP BY
              1
          ) AS "t19"
            ON "t16"."customer_id" = "t19"."customer_id"
        ) AS "t21"
          ON "t4"."customer_id" = "t21"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t7"."customer_id",
            (
              (
                (
                  (
                    CAST(SUM("t7"."amount") AS REAL) / CAST(COUNT(*) AS REAL)
                  ) * CAST(1000000000 AS REAL)
                ) + 6755399441055744
              ) - 6755399441055744
            ) / CAST(1000000000 AS REAL) AS "average_order",
            MAX("t7"."amount") AS "largest_order"
          FROM (
            SELECT
              "t5"."customer_id",
              "t5"."document_id",
              SUM("t5"."amount_cents") AS "amount"
            FROM "t3" AS "t5"
            GROUP BY
              1,
              2
          ) AS "t7"
          GROUP BY
            1
        ) AS "t14"
          ON "t4"."customer_id" = "t14"."customer_id"
      ) AS "t22"
    ) AS "t23"
  ) AS "t24"
)
SELECT
  "t36"."customer_id",
  CASE
    WHEN (
      "t36"."value" > 0
    )
    AND (
      "t36"."contribution" >= "t36"."contribution_threshold"
    )
    AND (
      "t36"."stability" >= "t36"."stability_threshold"
    )
    THEN 'EI'
    WHEN (
      "t36"."value" > 0
    )
    AND (
      "t36"."contribution" >= "t36"."contribution_threshold"
    )
    THEN 'EII'
    WHEN "t36"."stability" >= "t36"."stability_threshold"
    THEN 'EIII'
    ELSE 'EIV'
  END AS "class",
  "t36"."value",
  "t36"."rank",
  "t36"."share",
  "t36"."contribution",
  "t36"."stability",
  "t36"."active_months",
  "t36"."monthly_cv",
  "t36"."quarterly_cv",
  "t36"."largest_order",
  "t36"."contribution_threshold",
  "t36"."stability_threshold",
  CASE
    WHEN CASE
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      AND (
        "t36"."stability" >= "t36"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t36"."stability" >= "t36"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EI'
    THEN 'consolidate: long-term plan, new products on top of the old ones, be their business consultant'
    WHEN CASE
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      AND (
        "t36"."stability" >= "t36"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t36"."stability" >= "t36"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EII'
    THEN 'recover: find why they drift (trying new things, a better competitor offer, dissatisfaction), counter it, loyalty programme'
    WHEN CASE
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      AND (
        "t36"."stability" >= "t36"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t36"."stability" >= "t36"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIII'
    THEN 'promote: periodic visits, help with advertising, display and promotions'
    WHEN CASE
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      AND (
        "t36"."stability" >= "t36"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t36"."stability" >= "t36"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIV'
    THEN 'liquidate: review cost against benefit; abandon if the effort exceeds the return'
    ELSE NULL
  END AS "strategy",
  CASE
    WHEN CASE
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      AND (
        "t36"."stability" >= "t36"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t36"."stability" >= "t36"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EII'
    THEN 1
    WHEN CASE
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      AND (
        "t36"."stability" >= "t36"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t36"."stability" >= "t36"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EI'
    THEN 2
    WHEN CASE
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      AND (
        "t36"."stability" >= "t36"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t36"."stability" >= "t36"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIII'
    THEN 3
    WHEN CASE
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      AND (
        "t36"."stability" >= "t36"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t36"."stability" >= "t36"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIV'
    THEN 4
    ELSE NULL
  END AS "priority",
  CASE
    WHEN CASE
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      AND (
        "t36"."stability" >= "t36"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t36"."stability" >= "t36"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EI'
    THEN CAST(300000000000 AS REAL) / 1000000000000
    WHEN CASE
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      AND (
        "t36"."stability" >= "t36"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t36"."stability" >= "t36"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EII'
    THEN CAST(350000000000 AS REAL) / 1000000000000
    WHEN CASE
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      AND (
        "t36"."stability" >= "t36"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t36"."stability" >= "t36"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIII'
    THEN CAST(250000000000 AS REAL) / 1000000000000
    WHEN CASE
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      AND (
        "t36"."stability" >= "t36"."stability_threshold"
      )
      THEN 'EI'
      WHEN (
        "t36"."value" > 0
      )
      AND (
        "t36"."contribution" >= "t36"."contribution_threshold"
      )
      THEN 'EII'
      WHEN "t36"."stability" >= "t36"."stability_threshold"
      THEN 'EIII'
      ELSE 'EIV'
    END = 'EIV'
    THEN CAST(100000000000 AS REAL) / 1000000000000
    ELSE NULL
  END AS "time_share"
FROM (
  SELECT
    "t26"."customer_id",
    "t26"."revenue",
    "t26"."active_months",
    "t26"."monthly_cv",
    "t26"."quarterly_cv",
    "t26"."largest_order",
    "t26"."value",
    "t26"."rank",
    "t26"."share",
    "t26"."cumulative_share",
    CAST("t26"."value" AS REAL) AS "contribution",
    (
      (
        (
          (
            CAST((
              0.0 + (
                (
                  CAST("t26"."active_months" AS REAL) / 12
                ) * (
                  CAST(1000000000000 AS REAL) / 1000000000000
                )
              ) + (
                IIF("t26"."monthly_cv" IS NULL, 0.0, CAST(1.0 AS REAL) / (
                  "t26"."monthly_cv" + 1.0
                )) * (
                  CAST(1000000000000 AS REAL) / 1000000000000
                )
              ) + (
                IIF(
                  "t26"."quarterly_cv" IS NULL,
                  0.0,
                  CAST(1.0 AS REAL) / (
                    "t26"."quarterly_cv" + 1.0
                  )
                ) * (
                  CAST(1000000000000 AS REAL) / 1000000000000
                )
              ) + (
                MAX(
                  MIN(
                    IIF(
                      (
                        "t26"."revenue" > 0
                      ) AND (
                        "t26"."largest_order" IS NOT NULL
                      ),
                      1.0 - (
                        CAST("t26"."largest_order" AS REAL) / "t26"."revenue"
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
        AVG("t30"."v") AS "Mean(v)"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t27"."v",
            ROW_NUMBER() OVER (
              ORDER BY "t27"."v" ASC NULLS LAST
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) - 1 AS "_pos",
            COUNT("t27"."v") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "_n"
          FROM (
            SELECT
              CAST("t26"."value" AS REAL) AS "v"
            FROM "t25" AS "t26"
            WHERE
              "t26"."value" > 0 AND CAST("t26"."value" AS REAL) IS NOT NULL
          ) AS "t27"
        ) AS "t28"
        WHERE
          (
            "t28"."_pos" = CAST(FLOOR(CAST((
              "t28"."_n" - 1
            ) AS REAL) / (
              2
            )) AS INTEGER)
          )
          OR (
            "t28"."_pos" = CAST(FLOOR(CAST((
              "t28"."_n"
            ) AS REAL) / (
              2
            )) AS INTEGER)
          )
      ) AS "t30"
    ) AS "contribution_threshold",
    (
      SELECT
        AVG("t34"."v") AS "Mean(v)"
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t31"."v",
            ROW_NUMBER() OVER (
              ORDER BY "t31"."v" ASC NULLS LAST
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) - 1 AS "_pos",
            COUNT("t31"."v") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "_n"
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
                              CAST("t26"."active_months" AS REAL) / 12
                            ) * (
                              CAST(1000000000000 AS REAL) / 1000000000000
                            )
                          ) + (
                            IIF("t26"."monthly_cv" IS NULL, 0.0, CAST(1.0 AS REAL) / (
                              "t26"."monthly_cv" + 1.0
                            )) * (
                              CAST(1000000000000 AS REAL) / 1000000000000
                            )
                          ) + (
                            IIF(
                              "t26"."quarterly_cv" IS NULL,
                              0.0,
                              CAST(1.0 AS REAL) / (
                                "t26"."quarterly_cv" + 1.0
                              )
                            ) * (
                              CAST(1000000000000 AS REAL) / 1000000000000
                            )
                          ) + (
                            MAX(
                              MIN(
                                IIF(
                                  (
                                    "t26"."revenue" > 0
                                  ) AND (
                                    "t26"."largest_order" IS NOT NULL
                                  ),
                                  1.0 - (
                                    CAST("t26"."largest_order" AS REAL) / "t26"."revenue"
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
              FROM "t25" AS "t26"
              WHERE
                "t26"."value" > 0
            ) AS "t29"
            WHERE
              "t29"."v" IS NOT NULL
          ) AS "t31"
        ) AS "t33"
        WHERE
          (
            "t33"."_pos" = CAST(FLOOR(CAST((
              "t33"."_n" - 1
            ) AS REAL) / (
              2
            )) AS INTEGER)
          )
          OR (
            "t33"."_pos" = CAST(FLOOR(CAST((
              "t33"."_n"
            ) AS REAL) / (
              2
            )) AS INTEGER)
          )
      ) AS "t34"
    ) AS "stability_threshold"
  FROM "t25" AS "t26"
) AS "t36"
