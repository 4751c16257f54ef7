@hooks
Feature: Hooks

  Scenario: Hooks run around the steps
    Given a calculator showing 0
    Then the hook log reads "before-feature, before-scenario, before-step, before-step"

  @failing-before-hook
  Scenario: A failing BeforeScenario hook fails the scenario
    Given a calculator showing 0
