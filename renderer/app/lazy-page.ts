// Loads a page's code only when its area is first opened, so the first screen starts with little JavaScript.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export type LazyPage<P extends ComponentType> = LazyExoticComponent<P> & {
  /** Starts loading the page's code now (the browser shares the download with the later render). */
  preload: () => void;
};

export function lazyPage<Module extends Record<Name, ComponentType>, Name extends string>(
  load: () => Promise<Module>,
  name: Name,
): LazyPage<Module[Name]> {
  const page = lazy(async () => ({ default: (await load())[name] }));
  return Object.assign(page, { preload: () => void load().catch(() => undefined) });
}
