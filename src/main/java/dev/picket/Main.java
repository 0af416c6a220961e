package dev.picket; public class Main { public static void main(String[] a){} }
