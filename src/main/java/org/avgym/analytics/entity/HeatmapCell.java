package org.avgym.analytics.entity;

import java.time.DayOfWeek;

/** Visits in one hour of one weekday, local time of the location. */
public record HeatmapCell(DayOfWeek day, int hour, long visits) {}
