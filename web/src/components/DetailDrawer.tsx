import { Drawer } from 'antd';
import type { ReactNode } from 'react';

/**
 * The details of one row of a list (a catalog item, a version, a record) beside the list. A drawer has a
 * width of its own, so long texts and wide field tables wrap and scroll inside it instead of stretching
 * the list's columns off the screen, as an expanded table row would.
 */
export function DetailDrawer({
  title,
  onClose,
  children,
}: {
  /** Null while nothing is open. */
  title: string | null;
  onClose(): void;
  children: ReactNode;
}) {
  return (
    <Drawer title={title} open={title !== null} onClose={onClose} size="min(880px, 100vw)" destroyOnHidden>
      {children}
    </Drawer>
  );
}
