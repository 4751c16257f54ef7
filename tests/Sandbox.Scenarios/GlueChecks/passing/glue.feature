@glue-check
Feature: Glue check
  Checks the xunit glue itself (run by ScenarioGlueTests and as real tests by GlueCheckScenarios);
  its steps are scoped to @glue-check and are not part of the step vocabulary.

  Scenario: A passing scenario
    Given the glue check value is 1
    Then the glue check value is 1

  Scenario Outline: An outline
    Given the glue check value is <n>
    Then the glue check value is <n>

    Examples:
      | n |
      | 1 |
      | 2 |

  # not ready yet
  @ignore
  Scenario: An ignored scenario
    Given the glue check value is 1
