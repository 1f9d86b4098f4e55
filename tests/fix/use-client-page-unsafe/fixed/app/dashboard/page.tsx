"use client";

import { useQuery } from "convex/react";
import { api } from "../../convex/_generated/api";

// A page that queries Convex from the browser but never says so.
export default function Dashboard() {
  const notes = useQuery(api.notes.list);
  return <ul>{notes?.map((n) => <li key={n._id}>{n.text}</li>)}</ul>;
}
