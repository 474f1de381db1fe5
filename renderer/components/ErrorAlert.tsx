// An API failure (or any error) as a red alert with a text title, so it reads without colour too.
import { Alert } from '@mantine/core';
import { ApiCallFailed } from '../api/client';

export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallFailed || error instanceof Error) return error.message;
  return 'Something went wrong.';
}

export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (error === null || error === undefined) return null;
  return (
    <Alert color="red" title={title} role="alert" variant="light">
      {typeof error === 'string' ? error : errorMessage(error)}
    </Alert>
  );
}
