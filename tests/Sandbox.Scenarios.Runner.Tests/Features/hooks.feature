@hooks
Feature: Hooks

  Scenario: Hooks run around the steps
    Given a calculator showing 0
    Then the hook log reads "before-feature, before-scenario, before-step, before-step"

  @failing-before-hook
  Scenario: A failing BeforeScenario hook fails the scenario
    Given a calculator showing 0

  @failing-after-step
  Scenario: A failing AfterStep hook fails the step it ran after
    Given a calculator showing 0
    Then the result is 0

  @failing-after-scenario
  Scenario: A failing AfterScenario hook fails a scenario whose steps passed
    Given a calculator showing 0
