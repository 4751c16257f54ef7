@calculator
Feature: Calculator
  Passing scenarios: Background, Cucumber expressions, outlines and context injection.

  Background:
    Given a calculator showing 0

  Scenario: Add two numbers
    When I add 2 and 3
    Then the result is 5

  Scenario Outline: Multiply
    When I add <a> and 0
    And I multiply by <b>
    Then the result is <product>

    Examples: small
      | a | b | product |
      | 2 | 3 | 6       |

    @large
    Examples: large
      | a   | b  | product |
      | 40  | 50 | 2000    |
      | 100 | 10 | 1000    |

  Rule: Subtraction
    Background:
      Given a calculator showing 10

    Scenario: Subtract
      * I subtract 4
      Then the result is 6
