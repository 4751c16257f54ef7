Feature: Step arguments

  Scenario: A data table
    Given these users:
      | name | age |
      | ann  | 31  |
      | bob  | 42  |
    Then there are 2 users and the oldest is "bob"

  Scenario: A doc string
    Given the message:
      """
      hello
      world
      """
    Then the message has 2 lines
