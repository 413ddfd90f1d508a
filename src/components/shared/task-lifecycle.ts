/**
 * Tasks follow their element in and out of the page: a request still running when the element
 * leaves (removed, or moved elsewhere) is aborted, and run again when it comes back, so a moved
 * element keeps working and a removed one holds no request open. @lit/task does neither itself.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TaskStatus, type Task } from '@lit/task';

type AnyTask = Task<readonly unknown[], unknown>;

export class TaskLifecycleController implements ReactiveController {
  readonly #tasks: AnyTask[] = [];
  readonly #interrupted = new Set<AnyTask>();

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Follow this task (returns it, so a field can be declared as `track(new Task(…))`). */
  track<T extends Task<never, unknown>>(task: T): T {
    this.#tasks.push(task as unknown as AnyTask);
    return task;
  }

  hostDisconnected(): void {
    for (const task of this.#tasks) {
      if (task.status !== TaskStatus.PENDING) continue;
      this.#interrupted.add(task);
      task.abort(new DOMException('The element left the page.', 'AbortError'));
    }
  }

  hostConnected(): void {
    const again = [...this.#interrupted];
    this.#interrupted.clear();
    for (const task of again) void task.run();
  }
}
