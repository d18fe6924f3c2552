#pragma once
// Budget alerts as webhooks (issue #15): one JSON POST per first crossing, Slack-compatible ("text" holds
// the sentence), retried on network errors, timeouts, 408, 429 (Retry-After honoured, capped) and 5xx, not
// on other 4xx (the receiver refused the message; retrying would not help). Knows no database.
#include "core/result.h"

#include <QUrl>

namespace orgward {

struct WebhookOptions
{
    int attempts = 3;
    int firstDelayMs = 1000; // doubled after each failed attempt
    int timeoutMs = 10000;   // per attempt
    int maxRetryAfterMs = 30000;
};

struct WebhookResult
{
    bool delivered = false;
    int attempts = 0;
    int lastStatus = 0; // HTTP status of the last attempt; 0: no answer
    QString error;      // plain words, no URL path or query (they are often the secret)
};

// https to any host, or http to an exact loopback host; no user info. Usage error naming what to change.
Result<QUrl> checkWebhookUrl(const QString &url);
// "https://hooks.slack.com/…": the origin only, for lists and logs (a webhook's path is its secret).
QString webhookDisplay(const QString &url);

// Blocking: runs a local event loop per attempt. Call it from the CLI or a worker thread, never the GUI
// thread.
WebhookResult postWebhook(const QUrl &url, const QByteArray &json, const WebhookOptions &options = {});

} // namespace orgward
