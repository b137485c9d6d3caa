/**
 * Demo mode: a first start shows a living system. {@code DemoSeeder} fills an empty database with a
 * small gym chain (three locations in three time zones, plans, about 500 members in every
 * membership state, credentials and devices), and {@code TrafficSimulator} drives the real device
 * channel over loopback WebSockets with a daily rhythm, denials and check-outs included. Everything
 * is generated from a fixed seed, so two demo starts look alike. Off unless {@code
 * avgym.demo.enabled} is true; the README's run command turns it on.
 */
package org.avgym.demo;
