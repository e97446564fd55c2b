package dev.drillbot; public class Main { public static void main(String[] a){} }
