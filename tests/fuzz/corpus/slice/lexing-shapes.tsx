"use client";
import { useAuth } from "@workos-inc/authkit-react";
const doc = `
export function x() {}
`;
const re = /[({]/g;
function Note() {
  return <p>Don't {a}</p>;
}
export const A = () => useAuth(), id = "client_01ABCDEFGHJK";
