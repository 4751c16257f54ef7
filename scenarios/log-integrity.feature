@integrity
Feature: Log integrity
  Every event the app servers log reaches the warehouse exactly once and the S3 archive at least
  once, and every product-link click becomes one click log, even when deliveries are retried,
  late or torn. Counts are compared with the generator's manifest (the ground truth) and with the
  shipped log lines themselves: every event is counted on both sides.

  Background:
    Given app traffic of 300 users and 2500 events a day on 2026-11-30

  Scenario: A clean day arrives complete
    When the logs are shipped through the pipeline
    Then every shipped event is in the warehouse exactly once
    And the warehouse counts per event per hour equal the manifest
    And every shipped event is in the S3 archive at least once
    And every shipped "click_product_link" event is a click log in DynamoDB exactly once
    And every event follows the tracking plan

  Scenario: Retried, late and torn deliveries are absorbed
    Given the logs carry the faults "duplicates, late, malformed"
    When the logs are shipped through the pipeline
    Then the logs really carried the faults "duplicates, late, malformed"
    And every shipped event is in the warehouse exactly once
    And no event_id appears twice in the warehouse
    And the warehouse counts per event per hour equal the manifest
    And every shipped event is in the S3 archive at least once
    And every shipped "click_product_link" event is a click log in DynamoDB exactly once
    And every malformed line is in bad_events
    And every event except malformed lines follows the tracking plan
