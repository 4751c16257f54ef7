@release-ci
Feature: An app's captured events pass end to end
  Release CI ships the event log the app's UI tests captured through the running stack and checks
  it like Snowplow Micro's good/bad assertions, but end to end. An app team points
  `sandbox verify --events <captured.jsonl>` at its log and uses "Given the app's captured event log";
  this scenario uses a small sample log kept next to it.

  Scenario: The sample UI-test log arrives once and follows the plan
    Given the captured event log "scenarios/release-ci/sample-ui-test-events.jsonl"
    When the logs are shipped through the pipeline
    Then every event follows the tracking plan
    And every shipped event is in the warehouse exactly once
    And every shipped event is in the S3 archive at least once
    And every shipped "click_product_link" event is a click log in DynamoDB exactly once
