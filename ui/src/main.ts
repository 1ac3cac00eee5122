import { mount } from "svelte";
import App from "./App.svelte";
import { applySavedLanguage } from "./lib/startup-language";
import "./app.css";

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");
void applySavedLanguage().finally(() => mount(App, { target }));
