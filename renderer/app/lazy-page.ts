// Loads a page's code only when its area is first opened, so the first screen starts with little JavaScript.
import { createElement, lazy, useState, type ComponentType, type FunctionComponent } from 'react';

export type LazyPage = FunctionComponent & {
  /** Starts loading the page's code now (the browser shares the download with the later render); resolves when it is in. */
  preload: () => Promise<void>;
};

/**
 * A page whose code loads on first use. Once the code is in (preloaded, or rendered before), the page renders it
 * directly: React.lazy would suspend once more, and React shows a revealed Suspense boundary's content no sooner
 * than 300 ms after its fallback, which on the first screen cost more than loading the code.
 */
export function lazyPage<Module extends Record<Name, ComponentType>, Name extends string>(
  load: () => Promise<Module>,
  name: Name,
): LazyPage {
  let loaded: ComponentType | null = null;
  let loading: Promise<ComponentType> | null = null;
  const loadOnce = () =>
    (loading ??= load().then(
      (module) => (loaded = module[name]),
      (error: unknown) => {
        loading = null; // a failed download may be retried
        throw error;
      },
    ));
  const Lazy = lazy(async () => ({ default: await loadOnce() }));
  const page: FunctionComponent = () => {
    // Chosen once per mount: turning from Lazy to the loaded component on a later render would remount the page.
    const [Component] = useState<ComponentType>(() => loaded ?? Lazy);
    return createElement(Component);
  };
  return Object.assign(page, { preload: () => loadOnce().then(() => undefined, () => undefined) });
}
