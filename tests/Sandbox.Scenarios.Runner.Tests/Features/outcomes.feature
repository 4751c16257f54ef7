Feature: Outcomes
  Each scenario here ends differently; the tests assert each outcome.

  Scenario: A wrong expectation fails
    Given a calculator showing 0
    When I add 2 and 2
    Then the result is 5
    And the result is 4

  Scenario: A step without binding is undefined
    Given a calculator showing 0
    When I divide by a banana
    Then the result is 0

  Scenario: A pending step
    Given a calculator showing 0
    When the calculator is still being built

  Scenario: An ambiguous step fails
    Given a step that two bindings match

  # Waiting for the lake writer,
  # see issue 9
  @ignore
  Scenario: An ignored scenario
    Given a calculator showing 0

  @ignore
  Scenario: An ignored scenario without a reason
    Given a calculator showing 0
