@funnels
Feature: Funnels and retention equal the truth
  The signup and review funnels per day, and day-1 retention, computed by the analytics
  definitions on the delivered data, equal what the generator knows happened.

  Background:
    Given app traffic of 400 users and 2000 events a day from 2026-11-28 to 2026-11-30
    And the app's funnels are
      | funnel | steps                                    | step probabilities |
      | signup | app_install > signup                     | 0.6                |
      | review | view_post > like_post > post_review      | 0.45, 0.1          |
    When the logs are shipped through the pipeline

  Scenario: Funnels per day in the warehouse
    Then the "signup" funnel per day in the warehouse equals the manifest
    And the "review" funnel per day in the warehouse equals the manifest
    And day-1 retention in the warehouse equals the manifest

  Scenario: Funnels per day in the lake
    # Sandbox.Lake over the scenario's own S3 archive bucket (one row per event_id: the archive is at-least-once)
    Then the "signup" funnel per day in the lake equals the manifest
    And the "review" funnel per day in the lake equals the manifest
    And day-1 retention in the lake equals the manifest
