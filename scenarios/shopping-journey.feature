@journey
Feature: Shopping journey
  What the app team promises the shopping service: a tap on a shop link is in the user's click
  history seconds later.

  Scenario: A tapped shop link is readable within seconds
    Given the pipeline is running
    When a user searches "lip tint", views a product and taps the shop link
    Then a click log for that product is readable for that user within 5 s
