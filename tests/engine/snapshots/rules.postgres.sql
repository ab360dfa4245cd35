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
)
SELECT
  "t22"."customer_id",
  CASE
    WHEN "t22"."growth_last_year" >= (
      CAST(200000000000 AS DOUBLE PRECISION) / 1000000000000
    )
    THEN 'A'
    WHEN (
      "t22"."growth_last_year" >= (
        CAST(100000000000 AS DOUBLE PRECISION) / 1000000000000
      )
    )
    AND (
      "t22"."growth_year_before" >= (
        CAST(100000000000 AS DOUBLE PRECISION) / 1000000000000
      )
    )
    AND (
      "t22"."active_months" >= (
        CAST(10000000000000 AS DOUBLE PRECISION) / 1000000000000
      )
    )
    THEN 'B'
    ELSE 'C'
  END AS "class",
  "t22"."value",
  "t22"."rank",
  "t22"."share",
  CASE
    WHEN "t22"."growth_last_year" >= (
      CAST(200000000000 AS DOUBLE PRECISION) / 1000000000000
    )
    THEN 1
    WHEN (
      "t22"."growth_last_year" >= (
        CAST(100000000000 AS DOUBLE PRECISION) / 1000000000000
      )
    )
    AND (
      "t22"."growth_year_before" >= (
        CAST(100000000000 AS DOUBLE PRECISION) / 1000000000000
      )
    )
    AND (
      "t22"."active_months" >= (
        CAST(10000000000000 AS DOUBLE PRECISION) / 1000000000000
      )
    )
    THEN 2
    ELSE CAST(NULL AS BIGINT)
  END AS "matched_rule",
  "t22"."active_months",
  "t22"."growth_last_year",
  "t22"."growth_year_before"
FROM (
  SELECT
    "t21"."customer_id",
    "t21"."revenue",
    "t21"."active_months",
    "t21"."growth_last_year",
    "t21"."growth_year_before",
    "t21"."value",
    "t21"."rank",
    CASE
      WHEN (
        "t21"."value" > 0
      )
      AND (
        CAST(SUM("t21"."value") FILTER(WHERE
          "t21"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE PRECISION) > 0
      )
      THEN "t21"."value" / CAST(SUM("t21"."value") FILTER(WHERE
        "t21"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE PRECISION)
      ELSE 0.0
    END AS "share",
    CASE
      WHEN CAST(SUM("t21"."value") FILTER(WHERE
        "t21"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE PRECISION) > 0
      THEN CAST(SUM("t21"."value") FILTER(WHERE
        "t21"."value" > 0) OVER (ORDER BY "t21"."rank" ASC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DOUBLE PRECISION) / CAST(SUM("t21"."value") FILTER(WHERE
        "t21"."value" > 0) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS DOUBLE PRECISION)
      ELSE 0.0
    END AS "cumulative_share"
  FROM (
    SELECT
      "t20"."customer_id",
      "t20"."revenue",
      "t20"."active_months",
      "t20"."growth_last_year",
      "t20"."growth_year_before",
      "t20"."value",
      (
        ROW_NUMBER() OVER (
          ORDER BY "t20"."value" DESC NULLS LAST, "t20"."customer_id" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1
      ) + 1 AS "rank"
    FROM (
      SELECT
        "t19"."customer_id",
        "t19"."revenue",
        "t19"."active_months",
        "t19"."growth_last_year",
        "t19"."growth_year_before",
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
          COALESCE("t14"."last_year_revenue", 0) AS "last_year_revenue",
          COALESCE("t14"."previous_year_revenue", 0) AS "previous_year_revenue",
          COALESCE("t14"."third_year_revenue", 0) AS "third_year_revenue",
          "t14"."growth_last_year",
          "t14"."growth_year_before"
        FROM (
          SELECT DISTINCT
            "t0"."id" AS "customer_id"
          FROM "customers" AS "t0"
          WHERE
            "t0"."status" <> 'prospect'
        ) AS "t4"
        LEFT OUTER JOIN (
          SELECT
            "t12"."customer_id",
            "t12"."total" AS "revenue",
            "t12"."active_months",
            (
              (
                (
                  (
                    CAST("t12"."total" AS DOUBLE PRECISION) / 12
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
                          "t12"."squares" * 12
                        ) - (
                          CAST("t12"."total" AS DOUBLE PRECISION) * CAST("t12"."total" AS DOUBLE PRECISION)
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
                        CAST("t12"."total" AS DOUBLE PRECISION) / 12
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
                                      "t12"."squares" * 12
                                    ) - (
                                      CAST("t12"."total" AS DOUBLE PRECISION) * CAST("t12"."total" AS DOUBLE PRECISION)
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
                                CAST("t12"."total" AS DOUBLE PRECISION) / 12
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
                    CAST("t12"."total" AS DOUBLE PRECISION) / 4
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
                          "t16"."quarter_squares" * 4
                        ) - (
                          CAST("t12"."total" AS DOUBLE PRECISION) * CAST("t12"."total" AS DOUBLE PRECISION)
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
                        CAST("t12"."total" AS DOUBLE PRECISION) / 4
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
                                      "t16"."quarter_squares" * 4
                                    ) - (
                                      CAST("t12"."total" AS DOUBLE PRECISION) * CAST("t12"."total" AS DOUBLE PRECISION)
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
                                CAST("t12"."total" AS DOUBLE PRECISION) / 4
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
              "t8"."customer_id",
              SUM(CAST(CAST("t8"."amount" > 0 AS INT) AS BIGINT)) AS "active_months",
              SUM("t8"."amount") AS "total",
              SUM(
                CAST("t8"."amount" AS DOUBLE PRECISION) * CAST("t8"."amount" AS DOUBLE PRECISION)
              ) AS "squares"
            FROM "t7" AS "t8"
            GROUP BY
              1
          ) AS "t12"
          INNER JOIN (
            SELECT
              "t13"."customer_id",
              SUM(
                CAST("t13"."amount" AS DOUBLE PRECISION) * CAST("t13"."amount" AS DOUBLE PRECISION)
              ) AS "quarter_squares"
            FROM (
              SELECT
                "t9"."customer_id",
                "t9"."quarter",
                SUM("t9"."amount") AS "amount"
              FROM (
                SELECT
                  "t8"."customer_id",
                  "t8"."month",
                  "t8"."amount",
                  CAST(FLOOR(CAST((
                    "t8"."month"
                  ) AS DOUBLE PRECISION) / (
                    3
                  )) AS BIGINT) AS "quarter"
                FROM "t7" AS "t8"
              ) AS "t9"
              GROUP BY
                1,
                2
            ) AS "t13"
            GROUP BY
              1
          ) AS "t16"
            ON "t12"."customer_id" = "t16"."customer_id"
        ) AS "t18"
          ON "t4"."customer_id" = "t18"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t5"."customer_id",
            "t5"."last_year_revenue",
            "t5"."previous_year_revenue",
            "t5"."third_year_revenue",
            CASE
              WHEN "t5"."previous_year_revenue" > 0
              THEN (
                (
                  (
                    (
                      CAST("t5"."last_year_revenue" - "t5"."previous_year_revenue" AS DOUBLE PRECISION) / CAST("t5"."previous_year_revenue" AS DOUBLE PRECISION)
                    ) * CAST(1000000000 AS DOUBLE PRECISION)
                  ) + 6755399441055744
                ) - 6755399441055744
              ) / CAST(1000000000 AS DOUBLE PRECISION)
              ELSE NULL
            END AS "growth_last_year",
            CASE
              WHEN "t5"."third_year_revenue" > 0
              THEN (
                (
                  (
                    (
                      CAST("t5"."previous_year_revenue" - "t5"."third_year_revenue" AS DOUBLE PRECISION) / CAST("t5"."third_year_revenue" AS DOUBLE PRECISION)
                    ) * CAST(1000000000 AS DOUBLE PRECISION)
                  ) + 6755399441055744
                ) - 6755399441055744
              ) / CAST(1000000000 AS DOUBLE PRECISION)
              ELSE NULL
            END AS "growth_year_before"
          FROM (
            SELECT
              "t3"."customer_id",
              COALESCE(
                SUM("t3"."amount_cents") FILTER(WHERE
                  (
                    "t3"."date" > MAKE_DATE(2023, 6, 30)
                  )
                  AND (
                    "t3"."date" <= MAKE_DATE(2024, 6, 30)
                  )),
                0
              ) AS "last_year_revenue",
              COALESCE(
                SUM("t3"."amount_cents") FILTER(WHERE
                  (
                    "t3"."date" > MAKE_DATE(2022, 6, 30)
                  )
                  AND (
                    "t3"."date" <= MAKE_DATE(2023, 6, 30)
                  )),
                0
              ) AS "previous_year_revenue",
              COALESCE(
                SUM("t3"."amount_cents") FILTER(WHERE
                  (
                    "t3"."date" > MAKE_DATE(2021, 6, 30)
                  )
                  AND (
                    "t3"."date" <= MAKE_DATE(2022, 6, 30)
                  )),
                0
              ) AS "third_year_revenue"
            FROM (
              SELECT
                *
              FROM "transactions" AS "t1"
              WHERE
                "t1"."date" > MAKE_DATE(2021, 6, 30) AND "t1"."date" <= MAKE_DATE(2024, 6, 30)
            ) AS "t3"
            GROUP BY
              1
          ) AS "t5"
        ) AS "t14"
          ON "t4"."customer_id" = "t14"."customer_id"
      ) AS "t19"
    ) AS "t20"
  ) AS "t21"
) AS "t22"
