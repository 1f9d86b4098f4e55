"use client";

import { useQuery } from "convex/react";
import { useAuth } from "@workos-inc/authkit-nextjs/components";
import { api } from "../convex/_generated/api";

export function NotesList() {
  const { user } = useAuth();
  // Looks right, but WorkOS knows the user before Convex has the token.
  const notes = useQuery(api.notes.list, user ? {} : "skip");
  if (!notes) return <p>Loading…</p>;
  return (
    <ul>
      {notes.map((n) => (
        <li key={n._id}>{n.text}</li>
      ))}
    </ul>
  );
}
