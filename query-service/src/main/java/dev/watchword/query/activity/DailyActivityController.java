package dev.watchword.query.activity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.watchword.query.appscope.AdminScope;
import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Activity figures for admins. Both need {@code audit:read} (enforced in {@code AdminSecurityConfiguration}):
 * they describe how the whole user base behaves, which is audit data rather than a view of one account.
 * Days and months are UTC.
 * <p>
 * Per app: a caller scoped to an app sees its own app's figures; a platform operator sees the sum over every app,
 * or one app's with {@code app}. Another app's figures read as zeros, as an unknown app's do.
 */
@RestController
class DailyActivityController {

    /** The longest range one request may ask for. */
    static final int MAX_DAYS = 366;
    /** The range when none is given: the last 30 days, today included. */
    static final int DEFAULT_DAYS = 30;

    private final DailyActivities activities;
    private final Clock clock;

    DailyActivityController(DailyActivities activities, Clock clock) {
        this.activities = activities;
        this.clock = clock;
    }

    /** {@code from} and {@code to} are ISO dates ({@code 2026-01-31}), both inclusive. */
    @GetMapping("/api/admin/activity/daily")
    DailyActivityPage findDailyActivities(
            AdminScope scope,
            @RequestParam(required = false) String app,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate last = to != null ? to : from != null ? from.plusDays(DEFAULT_DAYS - 1) : today();
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw malformed("from must not be after to, and the range may span at most " + MAX_DAYS + " days.");
        }
        String appId = appOf(scope, app);
        return new DailyActivityPage(
                appId,
                first,
                last,
                activities.findDailyActivities(scope, appId, first, last).stream()
                        .map(DailyActivityResponse::of)
                        .toList());
    }

    /** {@code month} is {@code YYYY-MM}; the default is the current month. */
    @GetMapping("/api/admin/activity/monthly")
    MonthlyActiveUsers countMonthlyActiveUsers(
            AdminScope scope,
            @RequestParam(required = false) String app,
            @RequestParam(required = false) String month) {
        YearMonth yearMonth;
        try {
            yearMonth = month == null || month.isBlank() ? YearMonth.from(today()) : YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw malformed("month must be YYYY-MM.");
        }
        String appId = appOf(scope, app);
        return new MonthlyActiveUsers(
                appId, yearMonth.toString(), activities.countMonthlyActiveUsers(scope, appId, yearMonth));
    }

    /** The app counted: the one asked for, else the caller's own, else ({@code null}) every app. */
    private static String appOf(AdminScope scope, String app) {
        return app != null && !app.isBlank() ? app.strip() : scope.appId();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static ErrorResponseException malformed(String detail) {
        return new ErrorResponseException(
                HttpStatus.BAD_REQUEST,
                Problems.of(HttpStatus.BAD_REQUEST, ProblemCode.MALFORMED_REQUEST, detail),
                null);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DailyActivityPage(String app, LocalDate from, LocalDate to, List<DailyActivityResponse> items) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DailyActivityResponse(
            LocalDate day, long registrations, long logins, long failedLogins, long lockouts, long activeUsers) {

        static DailyActivityResponse of(DailyActivity activity) {
            return new DailyActivityResponse(
                    activity.day(),
                    activity.registrations(),
                    activity.logins(),
                    activity.failedLogins(),
                    activity.lockouts(),
                    activity.activeUsers());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MonthlyActiveUsers(String app, String month, long activeUsers) {}
}
