WITH "t9" AS (
  SELECT
    *
  FROM "transactions" AS "t2"
  WHERE
    "t2"."date" > MAKE_DATE(2023, 6, 30) AND "t2"."date" <= MAKE_DATE(2024, 6, 30)
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
              CAST(EXTRACT(year FROM "t2"."date") AS BIGINT) * 12
            ) + CAST(EXTRACT(month FROM "t2"."date") AS BIGINT)
          ) - 1
        )
      ) - CASE WHEN EXTRACT(day FROM "t2"."date") > 30 THEN 1 ELSE 0 END AS "month"
    FROM "transactions" AS "t2"
    WHERE
      "t2"."date" > MAKE_DATE(2023, 6, 30) AND "t2"."date" <= MAKE_DATE(2024, 6, 30)
  ) AS "t22"
  GROUP BY
    1,
    2
)
SELECT
  "t41"."customer_id",
  CASE
    WHEN "t41"."growth_last_year" >= (
      CAST(200000000000 AS DOUBLE PRECISION) / 1000000000000
    )
    THEN 'A'
    WHEN (
      "t41"."growth_last_year" >= (
        CAST(100000000000 AS DOUBLE PRECISION) / 1000000000000
      )
    )
    AND (
      "t41"."growth_year_before" >= (
        CAST(100000000000 AS DOUBLE PRECISION) / 1000000000000
      )
    )
    AND (
      "t41"."active_months" >= (
        CAST(10000000000000 AS DOUBLE PRECISION) / 1000000000000
      )
    )
    THEN 'B'
    ELSE 'C'
  END AS "class",
  "t41"."value",
  "t41"."rank",
  "t41"."share",
  CASE
    WHEN "t41"."growth_last_year" >= (
      CAST(200000000000 AS DOUBLE PRECISION) / 1000000000000
    )
    THEN 1
    WHEN (
      "t41"."growth_last_year" >= (
        CAST(100000000000 AS DOUBLE PRECISION) / 1000000000000
      )
    )
    AND (
      "t41"."growth_year_before" >= (
        CAST(100000000000 AS DOUBLE PRECISION) / 1000000000000
      )
    )
    AND (
      "t41"."active_months" >= (
        CAST(10000000000000 AS DOUBLE PRECISION) / 1000000000000
      )
    )
    THEN 2
    ELSE CAST(NULL AS BIGINT)
  END AS "matched_rule",
  "t41"."active_months",
  "t41"."growth_last_year",
  "t41"."growth_year_before"
FROM (
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
    CASE
      WHEN (
        "t40"."value" > 0
      )
      AND (
        CAST(SUM("t40"."value") FILTER(WHERE
          "t40"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE PRECISION) > 0
      )
      THEN "t40"."value" / CAST(SUM("t40"."value") FILTER(WHERE
        "t40"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE PRECISION)
      ELSE 0.0
    END AS "share",
    CASE
      WHEN CAST(SUM("t40"."value") FILTER(WHERE
        "t40"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE PRECISION) > 0
      THEN CAST(SUM("t40"."value") FILTER(WHERE
        "t40"."value" > 0) OVER (ORDER BY "t40"."rank" ASC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE PRECISION) / CAST(SUM("t40"."value") FILTER(WHERE
        "t40"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE PRECISION)
      ELSE 0.0
    END AS "cumulative_share"
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
          ORDER BY "t39"."value" DESC NULLS LAST, "t39"."customer_id" ASC
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
              "t1"."date" > MAKE_DATE(2023, 6, 30) AND "t1"."date" <= MAKE_DATE(2024, 6, 30)
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
                    CAST("t31"."total" AS DOUBLE PRECISION) / 12
                  ) * CAST(1000000000 AS DOUBLE PRECISION)
                ) + 6755399441055744
              ) - 6755399441055744
            ) / CAST(1000000000 AS DOUBLE PRECISION) AS "monthly_mean",
            (
              (
                (
                  SQRT(
                    GREATEST(
                      CAST((
                        (
                          "t31"."squares" * 12
                        ) - (
                          CAST("t31"."total" AS DOUBLE PRECISION) * CAST("t31"."total" AS DOUBLE PRECISION)
                        )
                      ) AS DOUBLE PRECISION) / 144,
                      0
                    )
                  ) * CAST(1000000000 AS DOUBLE PRECISION)
                ) + 6755399441055744
              ) - 6755399441055744
            ) / CAST(1000000000 AS DOUBLE PRECISION) AS "monthly_std",
            CASE
              WHEN (
                (
                  (
                    (
                      (
                        CAST("t31"."total" AS DOUBLE PRECISION) / 12
                      ) * CAST(1000000000 AS DOUBLE PRECISION)
                    ) + 6755399441055744
                  ) - 6755399441055744
                ) / CAST(1000000000 AS DOUBLE PRECISION)
              ) > 0
              THEN (
                (
                  (
                    (
                      CAST((
                        (
                          (
                            (
                              SQRT(
                                GREATEST(
                                  CAST((
                                    (
                                      "t31"."squares" * 12
                                    ) - (
                                      CAST("t31"."total" AS DOUBLE PRECISION) * CAST("t31"."total" AS DOUBLE PRECISION)
                                    )
                                  ) AS DOUBLE PRECISION) / 144,
                                  0
                                )
                              ) * CAST(1000000000 AS DOUBLE PRECISION)
                            ) + 6755399441055744
                          ) - 6755399441055744
                        ) / CAST(1000000000 AS DOUBLE PRECISION)
                      ) AS DOUBLE PRECISION) / (
                        (
                          (
                            (
                              (
                                CAST("t31"."total" AS DOUBLE PRECISION) / 12
                              ) * CAST(1000000000 AS DOUBLE PRECISION)
                            ) + 6755399441055744
                          ) - 6755399441055744
                        ) / CAST(1000000000 AS DOUBLE PRECISION)
                      )
                    ) * CAST(1000000000 AS DOUBLE PRECISION)
                  ) + 6755399441055744
                ) - 6755399441055744
              ) / CAST(1000000000 AS DOUBLE PRECISION)
              ELSE NULL
            END AS "monthly_cv",
            (
              (
                (
                  (
                    CAST("t31"."total" AS DOUBLE PRECISION) / 4
                  ) * CAST(1000000000 AS DOUBLE PRECISION)
                ) + 6755399441055744
              ) - 6755399441055744
            ) / CAST(1000000000 AS DOUBLE PRECISION) AS "quarterly_mean",
            (
              (
                (
                  SQRT(
                    GREATEST(
                      CAST((
                        (
                          "t35"."quarter_squares" * 4
                        ) - (
                          CAST("t31"."total" AS DOUBLE PRECISION) * CAST("t31"."total" AS DOUBLE PRECISION)
                        )
                      ) AS DOUBLE PRECISION) / 16,
                      0
                    )
                  ) * CAST(1000000000 AS DOUBLE PRECISION)
                ) + 6755399441055744
              ) - 6755399441055744
            ) / CAST(1000000000 AS DOUBLE PRECISION) AS "quarterly_std",
            CASE
              WHEN (
                (
                  (
                    (
                      (
                        CAST("t31"."total" AS DOUBLE PRECISION) / 4
                      ) * CAST(1000000000 AS DOUBLE PRECISION)
                    ) + 6755399441055744
                  ) - 6755399441055744
                ) / CAST(1000000000 AS DOUBLE PRECISION)
              ) > 0
              THEN (
                (
                  (
                    (
                      CAST((
                        (
                          (
                            (
                              SQRT(
                                GREATEST(
                                  CAST((
                                    (
                                      "t35"."quarter_squares" * 4
                                    ) - (
                                      CAST("t31"."total" AS DOUBLE PRECISION) * CAST("t31"."total" AS DOUBLE PRECISION)
                                    )
                                  ) AS DOUBLE PRECISION) / 16,
                                  0
                                )
                              ) * CAST(1000000000 AS DOUBLE PRECISION)
                            ) + 6755399441055744
                          ) - 6755399441055744
                        ) / CAST(1000000000 AS DOUBLE PRECISION)
                      ) AS DOUBLE PRECISION) / (
                        (
                          (
                            (
                              (
                                CAST("t31"."total" AS DOUBLE PRECISION) / 4
                              ) * CAST(1000000000 AS DOUBLE PRECISION)
                            ) + 6755399441055744
                          ) - 6755399441055744
                        ) / CAST(1000000000 AS DOUBLE PRECISION)
                      )
                    ) * CAST(1000000000 AS DOUBLE PRECISION)
                  ) + 6755399441055744
                ) - 6755399441055744
              ) / CAST(1000000000 AS DOUBLE PRECISION)
              ELSE NULL
            END AS "quarterly_cv"
          FROM (
            SELECT
              "t25"."customer_id",
              SUM(CAST(CAST("t25"."amount" > 0 AS INT) AS BIGINT)) AS "active_months",
              SUM("t25"."amount") AS "total",
              SUM(
                CAST("t25"."amount" AS DOUBLE PRECISION) * CAST("t25"."amount" AS DOUBLE PRECISION)
              ) AS "squares"
            FROM "t24" AS "t25"
            GROUP BY
              1
          ) AS "t31"
          INNER JOIN (
            SELECT
              "t32"."customer_id",
              SUM(
                CAST("t32"."amount" AS DOUBLE PRECISION) * CAST("t32"."amount" AS DOUBLE PRECISION)
              ) AS "quarter_squares"
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
                  ) AS DOUBLE PRECISION) / (
                    3
                  )) AS BIGINT) AS "quarter"
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
                    CAST(SUM("t17"."amount") AS DOUBLE PRECISION) / CAST(COUNT(*) AS DOUBLE PRECISION)
                  ) * CAST(1000000000 AS DOUBLE PRECISION)
                ) + 6755399441055744
              ) - 6755399441055744
            ) / CAST(1000000000 AS DOUBLE PRECISION) AS "average_order",
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
            CASE
              WHEN "t21"."previous_year_revenue" > 0
              THEN (
                (
                  (
                    (
                      CAST("t21"."last_year_revenue" - "t21"."previous_year_revenue" AS DOUBLE PRECISION) / CAST("t21"."previous_year_revenue" AS DOUBLE PRECISION)
                    ) * CAST(1000000000 AS DOUBLE PRECISION)
                  ) + 6755399441055744
                ) - 6755399441055744
              ) / CAST(1000000000 AS DOUBLE PRECISION)
              ELSE NULL
            END AS "growth_last_year",
            CASE
              WHEN "t21"."third_year_revenue" > 0
              THEN (
                (
                  (
                    (
                      CAST("t21"."previous_year_revenue" - "t21"."third_year_revenue" AS DOUBLE PRECISION) / CAST("t21"."third_year_revenue" AS DOUBLE PRECISION)
                    ) * CAST(1000000000 AS DOUBLE PRECISION)
                  ) + 6755399441055744
                ) - 6755399441055744
              ) / CAST(1000000000 AS DOUBLE PRECISION)
              ELSE NULL
            END AS "growth_year_before"
          FROM (
            SELECT
              "t10"."customer_id",
              COALESCE(
                SUM("t10"."amount_cents") FILTER(WHERE
                  (
                    "t10"."date" > MAKE_DATE(2023, 6, 30)
                  )
                  AND (
                    "t10"."date" <= MAKE_DATE(2024, 6, 30)
                  )),
                0
              ) AS "last_year_revenue",
              COALESCE(
                SUM("t10"."amount_cents") FILTER(WHERE
                  (
                    "t10"."date" > MAKE_DATE(2022, 6, 30)
                  )
                  AND (
                    "t10"."date" <= MAKE_DATE(2023, 6, 30)
                  )),
                0
              ) AS "previous_year_revenue",
              COALESCE(
                SUM("t10"."amount_cents") FILTER(WHERE
                  (
                    "t10"."date" > MAKE_DATE(2021, 6, 30)
                  )
                  AND (
                    "t10"."date" <= MAKE_DATE(2022, 6, 30)
                  )),
                0
              ) AS "third_year_revenue"
            FROM (
              SELECT
                *
              FROM "transactions" AS "t2"
              WHERE
                "t2"."date" > MAKE_DATE(2021, 6, 30) AND "t2"."date" <= MAKE_DATE(2024, 6, 30)
            ) AS "t10"
            GROUP BY
              1
          ) AS "t21"
        ) AS "t33"
          ON "t16"."customer_id" = "t33"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t8"."customer_id",
            19904 - MAX(
              CAST(EXTRACT(epoch FROM CAST("t8"."date" AS TIMESTAMP) - CAST(MAKE_DATE(CAST(1970 AS INT), CAST(1 AS INT), CAST(1 AS INT)) AS TIMESTAMP)) / 86400 AS BIGINT)
            ) AS "recency_days",
            19904 - MIN(
              CAST(EXTRACT(epoch FROM CAST("t8"."date" AS TIMESTAMP) - CAST(MAKE_DATE(CAST(1970 AS INT), CAST(1 AS INT), CAST(1 AS INT)) AS TIMESTAMP)) / 86400 AS BIGINT)
            ) AS "tenure_days"
          FROM (
            SELECT
              *
            FROM "transactions" AS "t2"
            WHERE
              "t2"."date" <= MAKE_DATE(2024, 6, 30)
          ) AS "t8"
          GROUP BY
            1
        ) AS "t19"
          ON "t16"."customer_id" = "t19"."customer_id"
      ) AS "t38"
    ) AS "t39"
  ) AS "t40"
) AS "t41"
