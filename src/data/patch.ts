/** Applying a management patch to an incident or alert (the fly-out's preview, the static provider). */
import type { AlertItem, AlertPatch } from './model.js';

/** The item after a management patch; comments are appended with the author and time. */
export function applyPatch(item: AlertItem, patch: AlertPatch, user: string, now = new Date()): AlertItem {
  const next: AlertItem = { ...item };
  if (patch.status !== undefined) next.status = patch.status;
  if (patch.classification !== undefined) {
    next.classification = patch.classification;
    if (patch.determination === undefined) next.determination = null;
  }
  if (patch.determination !== undefined) next.determination = patch.determination;
  if (patch.assignedTo !== undefined) next.assignedTo = patch.assignedTo;
  if (patch.comment?.trim()) {
    next.comments = [...(item.comments ?? []), { comment: patch.comment.trim(), createdBy: user, createdAt: now.toISOString() }];
  }
  return next;
}
