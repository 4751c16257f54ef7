@failing-before-feature @failing-after-feature
Feature: Broken feature hook

  Scenario: First scenario of a feature whose BeforeFeature hook fails
    Given a calculator showing 0

  Scenario: Second scenario of that feature
    Given a calculator showing 0
