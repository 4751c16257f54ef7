@tracking-plan
Feature: Tracking plan guard for releases
  A sloppy release breaks the logs: it forgets a required property, or stops sending an event.
  The guard must catch it and say which event, which property, which app_version and how many.
  The warehouse loads what Redshift would load: the broken release's events are all there, once,
  with their violations recorded beside them (event_violations), not dropped.
  Each broken release runs twice: with its bug (the guard must fail for exactly that reason) and
  without it (the guard must pass).

  Background:
    Given app traffic of 400 users and 3000 events a day from 2026-11-29 to 2026-11-30
    And release "5.11.0" ships on 2026-11-29

  Scenario Outline: A release that drops a required property is caught
    Given <release>
    When the logs are shipped through the pipeline
    Then every shipped event is in the warehouse exactly once
    And the tracking-plan check <verdict>

    Examples:
      | case           | release                                                                | verdict                                                                                              |
      | fault injected | release "5.11.0" drops the property "query" of "search" | reports "search" without "query" from app_version "5.11.0" in every injected event |
      | no fault       | release "5.11.0" sends every event as planned           | passes                                                                             |

  Scenario Outline: A release that stops sending an event is caught
    Given <release>
    When the logs are shipped through the pipeline
    Then <verdict>

    Examples:
      | case           | release                                       | verdict                                                                              |
      | fault injected | release "5.11.0" stops sending "like_post"    | the release check reports app_version "5.11.0" sent no "like_post" for every dropped event |
      | no fault       | release "5.11.0" sends every event as planned | every app_version sends "like_post"                                                  |
