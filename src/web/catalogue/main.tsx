import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CatalogueApp } from './app';
import './catalogue.css';

const container = document.getElementById('root');
if (!container) throw new Error('catalogue/index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <CatalogueApp />
  </StrictMode>,
);
