const PLAIN_WORDS: Record<string, string> = {
  dial_no_answer: 'no answer',
  dial_busy: 'line busy',
  dial_failed: 'the call could not be connected',
  invalid_destination: 'the number is not reachable',
  voicemail_reached: 'voicemail',
  provider_rejected: 'the calling service refused the call',
  provider_unavailable: 'the calling service was unavailable',
  concurrency_limit_reached: 'too many calls at once',
  user_declined: 'the call was declined',
  marked_as_spam: 'the call was marked as spam',
};

/** A Retell `disconnection_reason` in plain words for clinic staff (unknown reasons are shown as-is). */
export function describeDisconnection(reason: string | undefined): string {
  if (!reason) return 'an unknown reason';
  return PLAIN_WORDS[reason] ?? reason.replaceAll('_', ' ');
}
