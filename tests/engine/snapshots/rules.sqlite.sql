WITH "t10" AS (
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
)
SELECT
  "t25"."customer_id",
  CASE
    WHEN "t25"."growth_last_year" >= (
      CAST(200000000000 AS REAL) / 1000000000000
    )
    THEN 'A'
    WHEN (
      "t25"."growth_last_year" >= (
        CAST(100000000000 AS REAL) / 1000000000000
      )
    )
    AND (
      "t25"."growth_year_before" >= (
        CAST(100000000000 AS REAL) / 1000000000000
      )
    )
    AND (
      "t25"."active_months" >= (
        CAST(10000000000000 AS REAL) / 1000000000000
      )
    )
    THEN 'B'
    ELSE 'C'
  END AS "class",
  "t25"."value",
  "t25"."rank",
  "t25"."share",
  CASE
    WHEN "t25"."growth_last_year" >= (
      CAST(200000000000 AS REAL) / 1000000000000
    )
    THEN 1
    WHEN (
      "t25"."growth_last_year" >= (
        CAST(100000000000 AS REAL) / 1000000000000
      )
    )
    AND (
      "t25"."growth_year_before" >= (
        CAST(100000000000 AS REAL) / 1000000000000
      )
    )
    AND (
      "t25"."active_months" >= (
        CAST(10000000000000 AS REAL) / 1000000000000
      )
    )
    THEN 2
    ELSE CAST(NULL AS INTEGER)
  END AS "matched_rule",
  "t25"."active_months",
  "t25"."growth_last_year",
  "t25"."growth_year_before"
FROM (
  SELECT
    "t24"."customer_id",
    "t24"."revenue",
    "t24"."active_months",
    "t24"."growth_last_year",
    "t24"."growth_year_before",
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
      "t23"."growth_last_year",
      "t23"."growth_year_before",
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
        "t22"."growth_last_year",
        "t22"."growth_year_before",
        "t22"."revenue" AS "value"
      FROM (
        SELECT
          "t5"."customer_id",
          COALESCE("t7"."revenue", 0) AS "revenue",
          COALESCE("t21"."active_months", 0) AS "active_months",
          COALESCE("t21"."monthly_mean", 0) AS "monthly_mean",
          COALESCE("t21"."monthly_std", 0) AS "monthly_std",
          "t21"."monthly_cv",
          COALESCE("t21"."quarterly_mean", 0) AS "quarterly_mean",
          COALESCE("t21"."quarterly_std", 0) AS "quarterly_std",
          "t21"."quarterly_cv",
          COALESCE("t17"."last_year_revenue", 0) AS "last_year_revenue",
          COALESCE("t17"."previous_year_revenue", 0) AS "previous_year_revenue",
          COALESCE("t17"."third_year_revenue", 0) AS "third_year_revenue",
          "t17"."growth_last_year",
          "t17"."growth_year_before"
        FROM (
          SELECT DISTINCT
            "t0"."id" AS "customer_id"
          FROM "customers" AS "t0"
          WHERE
            "t0"."status" <> 'prospect'
        ) AS "t5"
        LEFT OUTER JOIN (
          SELECT
            "t3"."customer_id",
            SUM("t3"."amount_cents") AS "revenue"
          FROM (
            SELECT
              *
            FROM "transactions" AS "t1"
            WHERE
              "t1"."date" > '2023-06-30' AND "t1"."date" <= '2024-06-30'
          ) AS "t3"
          GROUP BY
            1
        ) AS "t7"
          ON "t5"."customer_id" = "t7"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t15"."customer_id",
            "t15"."active_months",
            (
              (
                (
                  (
                    CAST("t15"."total" AS REAL) / 12
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
                          "t15"."squares" * 12
                        ) - (
                          CAST("t15"."total" AS REAL) * CAST("t15"."total" AS REAL)
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
                        CAST("t15"."total" AS REAL) / 12
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
                                      "t15"."squares" * 12
                                    ) - (
                                      CAST("t15"."total" AS REAL) * CAST("t15"."total" AS REAL)
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
                                CAST("t15"."total" AS REAL) / 12
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
                    CAST("t15"."total" AS REAL) / 4
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
                          CAST("t15"."total" AS REAL) * CAST("t15"."total" AS REAL)
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
                        CAST("t15"."total" AS REAL) / 4
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
                                      CAST("t15"."total" AS REAL) * CAST("t15"."total" AS REAL)
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
                                CAST("t15"."total" AS REAL) / 4
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
          ) AS "t15"
          INNER JOIN (
            SELECT
              "t16"."customer_id",
              SUM(CAST("t16"."amount" AS REAL) * CAST("t16"."amount" AS REAL)) AS "quarter_squares"
            FROM (
              SELECT
                "t12"."customer_id",
                "t12"."quarter",
                SUM("t12"."amount") AS "amount"
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
              ) AS "t12"
              GROUP BY
                1,
                2
            ) AS "t16"
            GROUP BY
              1
          ) AS "t19"
            ON "t15"."customer_id" = "t19"."customer_id"
        ) AS "t21"
          ON "t5"."customer_id" = "t21"."customer_id"
        LEFT OUTER JOIN (
          SELECT
            "t8"."customer_id",
            "t8"."last_year_revenue",
            "t8"."previous_year_revenue",
            "t8"."third_year_revenue",
            IIF(
              "t8"."previous_year_revenue" > 0,
              (
                (
                  (
                    (
                      CAST("t8"."last_year_revenue" - "t8"."previous_year_revenue" AS REAL) / CAST("t8"."previous_year_revenue" AS REAL)
                    ) * CAST(1000000000 AS REAL)
                  ) + 6755399441055744
                ) - 6755399441055744
              ) / CAST(1000000000 AS REAL),
              NULL
            ) AS "growth_last_year",
            IIF(
              "t8"."third_year_revenue" > 0,
              (
                (
                  (
                    (
                      CAST("t8"."previous_year_revenue" - "t8"."third_year_revenue" AS REAL) / CAST("t8"."third_year_revenue" AS REAL)
                    ) * CAST(1000000000 AS REAL)
                  ) + 6755399441055744
                ) - 6755399441055744
              ) / CAST(1000000000 AS REAL),
              NULL
            ) AS "growth_year_before"
          FROM (
            SELECT
              "t4"."customer_id",
              COALESCE(
                SUM("t4"."amount_cents") FILTER(WHERE
                  (
                    "t4"."date" > '2023-06-30'
                  ) AND (
                    "t4"."date" <= '2024-06-30'
                  )),
                0
              ) AS "last_year_revenue",
              COALESCE(
                SUM("t4"."amount_cents") FILTER(WHERE
                  (
                    "t4"."date" > '2022-06-30'
                  ) AND (
                    "t4"."date" <= '2023-06-30'
                  )),
                0
              ) AS "previous_year_revenue",
              COALESCE(
                SUM("t4"."amount_cents") FILTER(WHERE
                  (
                    "t4"."date" > '2021-06-30'
                  ) AND (
                    "t4"."date" <= '2022-06-30'
                  )),
                0
              ) AS "third_year_revenue"
            FROM (
              SELECT
                *
              FROM "transactions" AS "t1"
              WHERE
                "t1"."date" > '2021-06-30' AND "t1"."date" <= '2024-06-30'
            ) AS "t4"
            GROUP BY
              1
          ) AS "t8"
        ) AS "t17"
          ON "t5"."customer_id" = "t17"."customer_id"
      ) AS "t22"
    ) AS "t23"
  ) AS "t24"
) AS "t25"
