@glue-check
Feature: Glue check failures
  A failing scenario, only run explicitly by ScenarioGlueTests.

  Scenario: A failing scenario
    Given the glue check value is 1
    Then the glue check value is 2
