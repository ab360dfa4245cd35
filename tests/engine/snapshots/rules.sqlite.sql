WITH "t6" AS (
  SELECT
    *
  FROM "transactions" AS "t2"
  WHERE
    "t2"."date" > '2023-06-30' AND "t2"."date" <= '2024-06-30'
), "t19" AS (
  SELECT
    "t17"."customer_id",
    "t17"."month",
    SUM("t17"."amount_cents") AS "amount"
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
  ) AS "t17"
  GROUP BY
    1,
    2
)
SELECT
  "t36"."customer_id",
  CASE
    WHEN "t36"."growth_last_year" >= (
      CAST(200000000000 AS REAL) / 1000000000000
    )
    THEN 'A'
    WHEN (
      "t36"."growth_last_year" >= (
        CAST(100000000000 AS REAL) / 1000000000000
      )
    )
    AND (
      "t36"."growth_year_before" >= (
        CAST(100000000000 AS REAL) / 1000000000000
      )
    )
    AND (
      "t36"."active_months" >= (
        CAST(10000000000000 AS REAL) / 1000000000000
      )
    )
    THEN 'B'
    ELSE 'C'
  END AS "class",
  "t36"."value",
  "t36"."rank",
  "t36"."share",
  CASE
    WHEN "t36"."growth_last_year" >= (
      CAST(200000000000 AS REAL) / 1000000000000
    )
    THEN 1
    WHEN (
      "t36"."growth_last_year" >= (
        CAST(100000000000 AS REAL) / 1000000000000
      )
    )
    AND (
      "t36"."growth_year_before" >= (
        CAST(100000000000 AS REAL) / 1000000000000
      )
    )
    AND (
      "t36"."active_months" >= (
        CAST(10000000000000 AS REAL) / 1000000000000
      )
    )
    THEN 2
    ELSE CAST(NULL AS INTEGER)
  END AS "matched_rule",
  "t36"."active_months",
  "t36"."growth_last_year",
  "t36"."growth_year_before"
FROM (
  SELECT
    "t35"."customer_id",
    "t35"."revenue",
    "t35"."paid",
    "t35"."payments",
    "t35"."units",
    "t35"."profit",
    "t35"."orders",
    "t35"."active_months",
    "t35"."monthly_mean",
    "t35"."monthly_std",
    "t35"."monthly_cv",
    "t35"."quarterly_mean",
    "t35"."quarterly_std",
    "t35"."quarterly_cv",
    "t35"."average_order",
    "t35"."largest_order",
    "t35"."last_year_revenue",
    "t35"."previous_year_revenue",
    "t35"."third_year_revenue",
    "t35"."growth_last_year",
    "t35"."growth_year_before",
    "t35"."recency_days",
    "t35"."tenure_days",
    "t35"."value",
    "t35"."rank",
    IIF(
      (
        "t35"."value" > 0
      )
      AND (
        CAST(SUM("t35"."value") FILTER(WHERE
          "t35"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL) > 0
      ),
      "t35"."value" / CAST(SUM("t35"."value") FILTER(WHERE
        "t35"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL),
      0.0
    ) AS "share",
    IIF(
      CAST(SUM("t35"."value") FILTER(WHERE
        "t35"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL) > 0,
      CAST(SUM("t35"."value") FILTER(WHERE
        "t35"."value" > 0) OVER (
        ORDER BY "t35"."rank" ASC NULLS LAST
        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      ) AS REAL) / CAST(SUM("t35"."value") FILTER(WHERE
        "t35"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS REAL),
      0.0
    ) AS "cumulative_share"
  FROM (
    SELECT
      "t34"."customer_id",
      "t34"."revenue",
      "t34"."paid",
      "t34"."payments",
      "t34"."units",
      "t34"."profit",
      "t34"."orders",
      "t34"."active_months",
      "t34"."monthly_mean",
      "t34"."monthly_std",
      "t34"."monthly_cv",
      "t34"."quarterly_mean",
      "t34"."quarterly_std",
      "t34"."quarterly_cv",
      "t34"."average_order",
      "t34"."largest_order",
      "t34"."last_year_revenue",
      "t34"."previous_year_revenue",
      "t34"."third_year_revenue",
      "t34"."growth_last_year",
      "t34"."growth_year_before",
      "t34"."recency_days",
      "t34"."tenure_days",
      "t34"."value",
      (
        ROW_NUMBER() OVER (
          ORDER BY "t34"."value" DESC, "t34"."customer_id" ASC NULLS LAST
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1
      ) + 1 AS "rank"
    FROM (
      SELECT
        "t33"."customer_id",
        "t33"."revenue",
        "t33"."paid",
        "t33"."payments",
        "t33"."units",
        "t33"."profit",
        "t33"."orders",
        "t33"."active_months",
        "t33"."monthly_mean",
        "t33"."monthly_std",
        "t33"."monthly_cv",
        "t33"."quarterly_mean",
        "t33"."quarterly_std",
        "t33"."quarterly_cv",
        "t33"."average_order",
        "t33"."largest_order",
        "t33"."last_year_revenue",
        "t33"."previous_year_revenue",
        "t33"."third_year_revenue",
        "t33"."growth_last_year",
        "t33"."growth_year_before",
        "t33"."recency_days",
        "t33"."tenure_days",
        "t33"."revenue" AS "value"
      FROM (
        SELECT
          "t8"."customer_id",
          COALESCE("t18"."revenue", 0) AS "revenue",
          COALESCE("t18"."profit", 0) AS "profit",
          COALESCE("t18"."units", 0) AS "units",
          COALESCE("t18"."orders", 0) AS "orders",
          COALESCE("t11"."paid", 0) AS "paid",
          COALESCE("t11"."payments", 0) AS "payments",
          COALESCE("t32"."active_months", 0) AS "active_months",
          COALESCE("t32"."monthly_mean", 0) AS "monthly_mean",
          COALESCE("t32"."monthly_std", 0) AS "monthly_std",
          "t32"."monthly_cv",
          COALESCE("t32"."quarterly_mean", 0) AS "quarterly_mean",
          COALESCE("t32"."quarterly_std", 0) AS "quarterly_std",
          "t32"."quarterly_cv",
          "t23"."average_order",
          "t23"."largest_order",
          COALESCE("t28"."last_year_revenue", 0) AS "last_year_revenue",
          COALESCE("t28"."previous_year_revenue", 0) AS "previous_year_revenue",
          COALESCE("t28"."third_year_revenue", 0) AS "third_year_revenue",
          "t28"."growth_last_year",
          "t28"."growth_year_before",
          "t14"."recency_days",
          "t14"."tenure_days"
        FROM (
          SELECT DISTINCT
            "t0"."id" AS "customer_id"
          FROM "customers" AS "t0"
          WHERE
            "t0"."status" <> 'prospect'
        ) AS "t8"
        LEFT OUTER JOIN (
          SELECT
            "t9"."customer_id",
            SUM("t9"."amount_cents") AS "revenue",
            SUM("t9"."amount_cents" - COALESCE("t9"."cost_cents", "t9"."amount_cents")) AS "profit",
            SUM(COALESCE("t9"."units", 0)) AS "units",
            COUNT(DISTINCT "t9"."document_id") AS "orders"
          FROM "t6" AS "t9"
          GROUP BY
            1
        ) AS "t18"
          ON "t8"."customer_id" = "t18"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t4"."customer_id",
            SUM("t4"."amount_cents") AS "paid",
            COUNT(*) AS "payments"
          FROM (
            SELECT
              *
            FROM "payments" AS "t1"
            WHERE
              "t1"."date" > '2023-06-30' AND "t1"."date" <= '2024-06-30'
          ) AS "t4"
          GROUP BY
            1
        ) AS "t11"
          ON "t8"."customer_id" = "t11"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t26"."customer_id",
            "t26"."active_months",
            (
              (
                (
                  (
                    CAST("t26"."total" AS REAL) / 12
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
                          "t26"."squares" * 12
                        ) - (
                          CAST("t26"."total" AS REAL) * CAST("t26"."total" AS REAL)
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
                        CAST("t26"."total" AS REAL) / 12
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
                                      "t26"."squares" * 12
                                    ) - (
                                      CAST("t26"."total" AS REAL) * CAST("t26"."total" AS REAL)
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
                                CAST("t26"."total" AS REAL) / 12
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
                    CAST("t26"."total" AS REAL) / 4
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
                          "t30"."quarter_squares" * 4
                        ) - (
                          CAST("t26"."total" AS REAL) * CAST("t26"."total" AS REAL)
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
                        CAST("t26"."total" AS REAL) / 4
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
                                      "t30"."quarter_squares" * 4
                                    ) - (
                                      CAST("t26"."total" AS REAL) * CAST("t26"."total" AS REAL)
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
                                CAST("t26"."total" AS REAL) / 4
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
              "t20"."customer_id",
              SUM(CAST("t20"."amount" > 0 AS INTEGER)) AS "active_months",
              SUM("t20"."amount") AS "total",
              SUM(CAST("t20"."amount" AS REAL) * CAST("t20"."amount" AS REAL)) AS "squares"
            FROM "t19" AS "t20"
            GROUP BY
              1
          ) AS "t26"
          INNER JOIN (
            SELECT
              "t27"."customer_id",
              SUM(CAST("t27"."amount" AS REAL) * CAST("t27"."amount" AS REAL)) AS "quarter_squares"
            FROM (
              SELECT
                "t22"."customer_id",
                "t22"."quarter",
                SUM("t22"."amount") AS "amount"
              FROM (
                SELECT
                  "t20"."customer_id",
                  "t20"."month",
                  "t20"."amount",
                  CAST(FLOOR(CAST((
                    "t20"."month"
                  ) AS REAL) / (
                    3
                  )) AS INTEGER) AS "quarter"
                FROM "t19" AS "t20"
              ) AS "t22"
              GROUP BY
                1,
                2
            ) AS "t27"
            GROUP BY
              1
          ) AS "t30"
            ON "t26"."customer_id" = "t30"."customer_id"
        ) AS "t32"
          ON "t8"."customer_id" = "t32"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t12"."customer_id",
            (
              (
                (
                  (
                    CAST(SUM("t12"."amount") AS REAL) / CAST(COUNT(*) AS REAL)
                  ) * CAST(1000000000 AS REAL)
                ) + 6755399441055744
              ) - 6755399441055744
            ) / CAST(1000000000 AS REAL) AS "average_order",
            MAX("t12"."amount") AS "largest_order"
          FROM (
            SELECT
              "t9"."customer_id",
              "t9"."document_id",
              SUM("t9"."amount_cents") AS "amount"
            FROM "t6" AS "t9"
            GROUP BY
              1,
              2
          ) AS "t12"
          GROUP BY
            1
        ) AS "t23"
          ON "t8"."customer_id" = "t23"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t16"."customer_id",
            "t16"."last_year_revenue",
            "t16"."previous_year_revenue",
            "t16"."third_year_revenue",
            IIF(
              "t16"."previous_year_revenue" > 0,
              (
                (
                  (
                    (
                      CAST("t16"."last_year_revenue" - "t16"."previous_year_revenue" AS REAL) / CAST("t16"."previous_year_revenue" AS REAL)
                    ) * CAST(1000000000 AS REAL)
                  ) + 6755399441055744
                ) - 6755399441055744
              ) / CAST(1000000000 AS REAL),
              NULL
            ) AS "growth_last_year",
            IIF(
              "t16"."third_year_revenue" > 0,
              (
                (
                  (
                    (
                      CAST("t16"."previous_year_revenue" - "t16"."third_year_revenue" AS REAL) / CAST("t16"."third_year_revenue" AS REAL)
                    ) * CAST(1000000000 AS REAL)
                  ) + 6755399441055744
                ) - 6755399441055744
              ) / CAST(1000000000 AS REAL),
              NULL
            ) AS "growth_year_before"
          FROM (
            SELECT
              "t7"."customer_id",
              COALESCE(
                SUM("t7"."amount_cents") FILTER(WHERE
                  (
                    "t7"."date" > '2023-06-30'
                  ) AND (
                    "t7"."date" <= '2024-06-30'
                  )),
                0
              ) AS "last_year_revenue",
              COALESCE(
                SUM("t7"."amount_cents") FILTER(WHERE
                  (
                    "t7"."date" > '2022-06-30'
                  ) AND (
                    "t7"."date" <= '2023-06-30'
                  )),
                0
              ) AS "previous_year_revenue",
              COALESCE(
                SUM("t7"."amount_cents") FILTER(WHERE
                  (
                    "t7"."date" > '2021-06-30'
                  ) AND (
                    "t7"."date" <= '2022-06-30'
                  )),
                0
              ) AS "third_year_revenue"
            FROM (
              SELECT
                *
              FROM "transactions" AS "t2"
              WHERE
                "t2"."date" > '2021-06-30' AND "t2"."date" <= '2024-06-30'
            ) AS "t7"
            GROUP BY
              1
          ) AS "t16"
        ) AS "t28"
          ON "t8"."customer_id" = "t28"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t5"."customer_id",
            19904 - MAX(_IBIS_DATE_DELTA("t5"."date", DATE(PRINTF('%04d-%02d-%02d', 1970, 1, 1)))) AS "recency_days",
            19904 - MIN(_IBIS_DATE_DELTA("t5"."date", DATE(PRINTF('%04d-%02d-%02d', 1970, 1, 1)))) AS "tenure_days"
          FROM (
            SELECT
              *
            FROM "transactions" AS "t2"
            WHERE
              "t2"."date" <= '2024-06-30'
          ) AS "t5"
          GROUP BY
            1
        ) AS "t14"
          ON "t8"."customer_id" = "t14"."customer_id"
      ) AS "t33"
    ) AS "t34"
  ) AS "t35"
) AS "t36"
