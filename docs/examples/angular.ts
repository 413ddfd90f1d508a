// Angular (standalone component): CUSTOM_ELEMENTS_SCHEMA lets the template use the tags;
// `[provider]` binds a property, `(ip-change)` listens to the event. Angular types `$event` as
// Event for custom elements: narrow it with the event's class.
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import 'ip-entity-page/ip-entity-page.js';
import { IpChangeEvent, IpTabChangeEvent, RestIpDataProvider, type IpTab } from 'ip-entity-page';

@Component({
  selector: 'app-ip-investigation',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `<ip-entity-page [ip]="ip()" [tab]="tab()" [provider]="provider" storage-key="soc-portal"
    (ip-change)="onIpChange($event)" (ip-tab-change)="onTabChange($event)"></ip-entity-page>`,
})
export class IpInvestigationComponent {
  readonly provider = new RestIpDataProvider({ baseUrl: '/api/ip-entity' });
  readonly ip = signal('203.0.113.7');
  readonly tab = signal<IpTab>('overview');

  onIpChange(e: Event): void {
    if (e instanceof IpChangeEvent) this.ip.set(e.detail.ip);
  }

  onTabChange(e: Event): void {
    if (e instanceof IpTabChangeEvent) this.tab.set(e.detail.tab);
  }
}
