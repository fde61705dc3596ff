"use client";
// Who is deciding, until sign-in arrives (issue 15): the name is kept in this browser and sent with
// every decision; the audit log shows it.
import { useEffect, useState } from "react";

const KEY = "card-recon:reviewer";

export function useReviewer(): [string, (name: string) => void] {
  const [name, setName] = useState("");
  useEffect(() => {
    // read once on mount: localStorage does not exist during the server render
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setName(window.localStorage.getItem(KEY) ?? "");
  }, []);
  const save = (next: string) => {
    setName(next);
    window.localStorage.setItem(KEY, next);
  };
  return [name, save];
}
