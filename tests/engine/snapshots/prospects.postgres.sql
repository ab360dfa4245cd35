SELECT
  "t7"."customer_id",
  CASE
    WHEN (
      "t7"."contribution" IS NOT NULL
    )
    AND (
      "t7"."contribution" >= (
        CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
      )
    )
    AND (
      (
        "t7"."intention" IS NOT NULL
      )
      AND (
        "t7"."intention" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
    )
    THEN 'PI'
    WHEN (
      "t7"."contribution" IS NOT NULL
    )
    AND (
      "t7"."contribution" >= (
        CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
      )
    )
    THEN 'PII'
    WHEN (
      "t7"."intention" IS NOT NULL
    )
    AND (
      "t7"."intention" >= (
        CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
      )
    )
    THEN 'PIII'
    ELSE 'PIV'
  END AS "class",
  "t7"."contribution" AS "value",
  "t7"."rank",
  "t7"."contribution",
  "t7"."intention",
  CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000 AS "contribution_threshold",
  CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000 AS "intention_threshold",
  CASE
    WHEN CASE
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      AND (
        (
          "t7"."intention" IS NOT NULL
        )
        AND (
          "t7"."intention" >= (
            CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
          )
        )
      )
      THEN 'PI'
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PII'
      WHEN (
        "t7"."intention" IS NOT NULL
      )
      AND (
        "t7"."intention" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PIII'
      ELSE 'PIV'
    END = 'PI'
    THEN 'breakthrough: close fast, remove what stands in the way of signing'
    WHEN CASE
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      AND (
        (
          "t7"."intention" IS NOT NULL
        )
        AND (
          "t7"."intention" >= (
            CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
          )
        )
      )
      THEN 'PI'
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PII'
      WHEN (
        "t7"."intention" IS NOT NULL
      )
      AND (
        "t7"."intention" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PIII'
      ELSE 'PIV'
    END = 'PII'
    THEN 'cultivate: a long effort; find out why the intention is low and counter it'
    WHEN CASE
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      AND (
        (
          "t7"."intention" IS NOT NULL
        )
        AND (
          "t7"."intention" >= (
            CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
          )
        )
      )
      THEN 'PI'
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PII'
      WHEN (
        "t7"."intention" IS NOT NULL
      )
      AND (
        "t7"."intention" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PIII'
      ELSE 'PIV'
    END = 'PIII'
    THEN 'close cheaply: a standard offer by phone or e-mail, little effort'
    WHEN CASE
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      AND (
        (
          "t7"."intention" IS NOT NULL
        )
        AND (
          "t7"."intention" >= (
            CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
          )
        )
      )
      THEN 'PI'
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PII'
      WHEN (
        "t7"."intention" IS NOT NULL
      )
      AND (
        "t7"."intention" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PIII'
      ELSE 'PIV'
    END = 'PIV'
    THEN 'minimal effort: keep in touch at the lowest cost'
    ELSE NULL
  END AS "strategy",
  CASE
    WHEN CASE
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      AND (
        (
          "t7"."intention" IS NOT NULL
        )
        AND (
          "t7"."intention" >= (
            CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
          )
        )
      )
      THEN 'PI'
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PII'
      WHEN (
        "t7"."intention" IS NOT NULL
      )
      AND (
        "t7"."intention" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PIII'
      ELSE 'PIV'
    END = 'PI'
    THEN 1
    WHEN CASE
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      AND (
        (
          "t7"."intention" IS NOT NULL
        )
        AND (
          "t7"."intention" >= (
            CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
          )
        )
      )
      THEN 'PI'
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PII'
      WHEN (
        "t7"."intention" IS NOT NULL
      )
      AND (
        "t7"."intention" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PIII'
      ELSE 'PIV'
    END = 'PII'
    THEN 2
    WHEN CASE
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      AND (
        (
          "t7"."intention" IS NOT NULL
        )
        AND (
          "t7"."intention" >= (
            CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
          )
        )
      )
      THEN 'PI'
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PII'
      WHEN (
        "t7"."intention" IS NOT NULL
      )
      AND (
        "t7"."intention" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PIII'
      ELSE 'PIV'
    END = 'PIII'
    THEN 3
    WHEN CASE
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      AND (
        (
          "t7"."intention" IS NOT NULL
        )
        AND (
          "t7"."intention" >= (
            CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
          )
        )
      )
      THEN 'PI'
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PII'
      WHEN (
        "t7"."intention" IS NOT NULL
      )
      AND (
        "t7"."intention" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PIII'
      ELSE 'PIV'
    END = 'PIV'
    THEN 4
    ELSE NULL
  END AS "priority",
  CASE
    WHEN CASE
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      AND (
        (
          "t7"."intention" IS NOT NULL
        )
        AND (
          "t7"."intention" >= (
            CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
          )
        )
      )
      THEN 'PI'
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PII'
      WHEN (
        "t7"."intention" IS NOT NULL
      )
      AND (
        "t7"."intention" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PIII'
      ELSE 'PIV'
    END = 'PII'
    THEN "t7"."low_intention_reason"
    ELSE CAST(NULL AS VARCHAR)
  END AS "low_intention_reason",
  CASE
    WHEN CASE
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      AND (
        (
          "t7"."intention" IS NOT NULL
        )
        AND (
          "t7"."intention" >= (
            CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
          )
        )
      )
      THEN 'PI'
      WHEN (
        "t7"."contribution" IS NOT NULL
      )
      AND (
        "t7"."contribution" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PII'
      WHEN (
        "t7"."intention" IS NOT NULL
      )
      AND (
        "t7"."intention" >= (
          CAST(3000000000000 AS DOUBLE PRECISION) / 1000000000000
        )
      )
      THEN 'PIII'
      ELSE 'PIV'
    END = 'PII'
    THEN CASE
      WHEN "t7"."low_intention_reason" = 'unaware'
      THEN 'make us known: visits, samples, references from customers they know, invitations to our events'
      WHEN "t7"."low_intention_reason" = 'switching_cost'
      THEN 'lower the cost of switching: a trial order, flexible terms, help with the changeover'
      WHEN "t7"."low_intention_reason" = 'competitor'
      THEN 'find our edge over the competitor: a product or service they lack; be there at their weak moments'
      ELSE 'find out why: they do not know us, fear the cost of switching, or a competitor is stronger'
    END
    ELSE CAST(NULL AS VARCHAR)
  END AS "counter_measure",
  "t7"."strength_scale",
  "t7"."management_level",
  "t7"."distribution_network",
  "t7"."buyers_purchasing_power",
  "t7"."marketing_level",
  "t7"."growth_capability",
  "t7"."competitive_advantage",
  "t7"."strategic_importance",
  "t7"."judgement"
FROM (
  SELECT
    "t6"."customer_id",
    "t6"."management_level",
    "t6"."buyers_purchasing_power",
    "t6"."marketing_level",
    "t6"."strength_scale",
    "t6"."distribution_network",
    "t6"."growth_capability",
    "t6"."competitive_advantage",
    "t6"."strategic_importance",
    "t6"."judgement",
    "t6"."low_intention_reason",
    "t6"."contribution",
    "t6"."intention",
    (
      ROW_NUMBER() OVER (
        ORDER BY COALESCE("t6"."contribution", 0) DESC NULLS LAST, "t6"."customer_id" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1
    ) + 1 AS "rank"
  FROM (
    SELECT
      "t5"."customer_id",
      "t5"."management_level",
      "t5"."buyers_purchasing_power",
      "t5"."marketing_level",
      "t5"."strength_scale",
      "t5"."distribution_network",
      "t5"."growth_capability",
      "t5"."competitive_advantage",
      "t5"."strategic_importance",
      "t5"."judgement",
      "t5"."low_intention_reason",
      CASE
        WHEN (
          CAST(0 AS DOUBLE PRECISION) + CASE
            WHEN "t5"."strength_scale" IS NULL
            THEN CAST(0 AS DOUBLE PRECISION)
            ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
          END + CASE
            WHEN "t5"."management_level" IS NULL
            THEN CAST(0 AS DOUBLE PRECISION)
            ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
          END + CASE
            WHEN "t5"."distribution_network" IS NULL
            THEN CAST(0 AS DOUBLE PRECISION)
            ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
          END + CASE
            WHEN "t5"."buyers_purchasing_power" IS NULL
            THEN CAST(0 AS DOUBLE PRECISION)
            ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
          END + CASE
            WHEN "t5"."marketing_level" IS NULL
            THEN CAST(0 AS DOUBLE PRECISION)
            ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
          END + CASE
            WHEN "t5"."growth_capability" IS NULL
            THEN CAST(0 AS DOUBLE PRECISION)
            ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
          END + CASE
            WHEN "t5"."strategic_importance" IS NULL
            THEN CAST(0 AS DOUBLE PRECISION)
            ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
          END
        ) > 0
        THEN (
          (
            (
              (
                CAST((
                  CAST(0 AS DOUBLE PRECISION) + CASE
                    WHEN "t5"."strength_scale" IS NULL
                    THEN CAST(0 AS DOUBLE PRECISION)
                    ELSE CAST("t5"."strength_scale" AS DOUBLE PRECISION) * (
                      CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                    )
                  END + CASE
                    WHEN "t5"."management_level" IS NULL
                    THEN CAST(0 AS DOUBLE PRECISION)
                    ELSE CAST("t5"."management_level" AS DOUBLE PRECISION) * (
                      CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                    )
                  END + CASE
                    WHEN "t5"."distribution_network" IS NULL
                    THEN CAST(0 AS DOUBLE PRECISION)
                    ELSE CAST("t5"."distribution_network" AS DOUBLE PRECISION) * (
                      CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                    )
                  END + CASE
                    WHEN "t5"."buyers_purchasing_power" IS NULL
                    THEN CAST(0 AS DOUBLE PRECISION)
                    ELSE CAST("t5"."buyers_purchasing_power" AS DOUBLE PRECISION) * (
                      CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                    )
                  END + CASE
                    WHEN "t5"."marketing_level" IS NULL
                    THEN CAST(0 AS DOUBLE PRECISION)
                    ELSE CAST("t5"."marketing_level" AS DOUBLE PRECISION) * (
                      CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                    )
                  END + CASE
                    WHEN "t5"."growth_capability" IS NULL
                    THEN CAST(0 AS DOUBLE PRECISION)
                    ELSE CAST("t5"."growth_capability" AS DOUBLE PRECISION) * (
                      CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                    )
                  END + CASE
                    WHEN "t5"."strategic_importance" IS NULL
                    THEN CAST(0 AS DOUBLE PRECISION)
                    ELSE CAST("t5"."strategic_importance" AS DOUBLE PRECISION) * (
                      CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                    )
                  END
                ) AS DOUBLE PRECISION) / CASE
                  WHEN (
                    CAST(0 AS DOUBLE PRECISION) + CASE
                      WHEN "t5"."strength_scale" IS NULL
                      THEN CAST(0 AS DOUBLE PRECISION)
                      ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                    END + CASE
                      WHEN "t5"."management_level" IS NULL
                      THEN CAST(0 AS DOUBLE PRECISION)
                      ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                    END + CASE
                      WHEN "t5"."distribution_network" IS NULL
                      THEN CAST(0 AS DOUBLE PRECISION)
                      ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                    END + CASE
                      WHEN "t5"."buyers_purchasing_power" IS NULL
                      THEN CAST(0 AS DOUBLE PRECISION)
                      ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                    END + CASE
                      WHEN "t5"."marketing_level" IS NULL
                      THEN CAST(0 AS DOUBLE PRECISION)
                      ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                    END + CASE
                      WHEN "t5"."growth_capability" IS NULL
                      THEN CAST(0 AS DOUBLE PRECISION)
                      ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                    END + CASE
                      WHEN "t5"."strategic_importance" IS NULL
                      THEN CAST(0 AS DOUBLE PRECISION)
                      ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                    END
                  ) > 0
                  THEN CAST(0 AS DOUBLE PRECISION) + CASE
                    WHEN "t5"."strength_scale" IS NULL
                    THEN CAST(0 AS DOUBLE PRECISION)
                    ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                  END + CASE
                    WHEN "t5"."management_level" IS NULL
                    THEN CAST(0 AS DOUBLE PRECISION)
                    ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                  END + CASE
                    WHEN "t5"."distribution_network" IS NULL
                    THEN CAST(0 AS DOUBLE PRECISION)
                    ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                  END + CASE
                    WHEN "t5"."buyers_purchasing_power" IS NULL
                    THEN CAST(0 AS DOUBLE PRECISION)
                    ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                  END + CASE
                    WHEN "t5"."marketing_level" IS NULL
                    THEN CAST(0 AS DOUBLE PRECISION)
                    ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                  END + CASE
                    WHEN "t5"."growth_capability" IS NULL
                    THEN CAST(0 AS DOUBLE PRECISION)
                    ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                  END + CASE
                    WHEN "t5"."strategic_importance" IS NULL
                    THEN CAST(0 AS DOUBLE PRECISION)
                    ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                  END
                  ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                END
              ) * CAST(1000000000 AS DOUBLE PRECISION)
            ) + 6755399441055744
          ) - 6755399441055744
        ) / CAST(1000000000 AS DOUBLE PRECISION)
        ELSE NULL
      END AS "contribution",
      CASE
        WHEN (
          CAST(0 AS DOUBLE PRECISION) + CASE
            WHEN "t5"."competitive_advantage" IS NULL
            THEN CAST(0 AS DOUBLE PRECISION)
            ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
          END + CASE
            WHEN "t5"."judgement" IS NULL
            THEN CAST(0 AS DOUBLE PRECISION)
            ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
          END
        ) > 0
        THEN (
          (
            (
              (
                CAST((
                  CAST(0 AS DOUBLE PRECISION) + CASE
                    WHEN "t5"."competitive_advantage" IS NULL
                    THEN CAST(0 AS DOUBLE PRECISION)
                    ELSE CAST("t5"."competitive_advantage" AS DOUBLE PRECISION) * (
                      CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                    )
                  END + CASE
                    WHEN "t5"."judgement" IS NULL
                    THEN CAST(0 AS DOUBLE PRECISION)
                    ELSE CAST("t5"."judgement" AS DOUBLE PRECISION) * (
                      CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                    )
                  END
                ) AS DOUBLE PRECISION) / CASE
                  WHEN (
                    CAST(0 AS DOUBLE PRECISION) + CASE
                      WHEN "t5"."competitive_advantage" IS NULL
                      THEN CAST(0 AS DOUBLE PRECISION)
                      ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                    END + CASE
                      WHEN "t5"."judgement" IS NULL
                      THEN CAST(0 AS DOUBLE PRECISION)
                      ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                    END
                  ) > 0
                  THEN CAST(0 AS DOUBLE PRECISION) + CASE
                    WHEN "t5"."competitive_advantage" IS NULL
                    THEN CAST(0 AS DOUBLE PRECISION)
                    ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                  END + CASE
                    WHEN "t5"."judgement" IS NULL
                    THEN CAST(0 AS DOUBLE PRECISION)
                    ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                  END
                  ELSE CAST(1000000000000 AS DOUBLE PRECISION) / 1000000000000
                END
              ) * CAST(1000000000 AS DOUBLE PRECISION)
            ) + 6755399441055744
          ) - 6755399441055744
        ) / CAST(1000000000 AS DOUBLE PRECISION)
        ELSE NULL
      END AS "intention"
    FROM (
      SELECT
        "t4"."customer_id",
        "t2"."management_level",
        "t2"."buyers_purchasing_power",
        "t2"."marketing_level",
        "t4"."strength_scale",
        "t4"."distribution_network",
        "t4"."growth_capability",
        "t4"."competitive_advantage",
        "t4"."strategic_importance",
        "t4"."judgement",
        "t4"."low_intention_reason"
      FROM (
        SELECT
          *
        FROM "pipeline_entries" AS "t0"
        WHERE
          "t0"."stage" IN ('future', 'potential', 'target')
      ) AS "t4"
      LEFT OUTER JOIN "customer_profiles" AS "t2"
        ON "t4"."customer_id" = "t2"."customer_id"
    ) AS "t5"
  ) AS "t6"
) AS "t7"
