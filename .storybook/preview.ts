import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import customElements from '../custom-elements.json' with { type: 'json' };
import { handlers } from '../mocks/handlers.js';

// Controls and docs tables come from the manifest (npm run analyze).
setCustomElementsManifest(customElements);

const preview: Preview = {
  // Every element gets a Docs page: its attributes, properties, events, slots, parts and CSS
  // custom properties from the manifest, with each story under it.
  tags: ['autodocs'],
  // The demo API (mocks/) answers every story; a story swaps handlers to fail or slow down.
  loaders: [mswLoader()],
  parameters: {
    msw: { handlers },
    controls: { expanded: true },
    layout: 'fullscreen',
    backgrounds: { disable: true },
    a11y: { test: 'error' },
  },
};
export default preview;
